import crypto from 'node:crypto'

/** Most recently registered queries, by sha256 (Apollo's automatic persisted queries). */
const known = new Map<string, string>()
const MAX_KNOWN = 2000

const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex')

export type PersistedLookup =
  | { query: string | undefined }
  | { error: 'persistedQueryNotFound' | 'persistedQueryMismatch'; code: string }

/**
 * A client may send only `extensions.persistedQuery.sha256Hash` instead of the
 * query text (short, cacheable GET URLs). An unknown hash answers
 * PersistedQueryNotFound, after which the client sends hash and query once.
 */
export const resolvePersistedQuery = (query: unknown, extensions: unknown): PersistedLookup => {
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery?.sha256Hash
  const text = typeof query === 'string' && query.length > 0 ? query : undefined
  if (typeof hash !== 'string') return { query: text }
  if (text) {
    if (sha256(text) !== hash)
      return { error: 'persistedQueryMismatch', code: 'PERSISTED_QUERY_HASH_MISMATCH' }
    known.delete(hash)
    known.set(hash, text)
    if (known.size > MAX_KNOWN) known.delete(known.keys().next().value as string)
    return { query: text }
  }
  const remembered = known.get(hash)
  return remembered
    ? { query: remembered }
    : { error: 'persistedQueryNotFound', code: 'PERSISTED_QUERY_NOT_FOUND' }
}
