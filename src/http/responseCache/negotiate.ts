/** Clients send few distinct Accept-Encoding values: each is parsed once (bounded). */
const known = new Map<string, boolean>()
const MAX_KNOWN = 500

/** The content codings a client accepts, from Accept-Encoding (q=0 means refused). */
export const acceptsCoding = (header: string | undefined, coding: 'br' | 'gzip'): boolean => {
  if (!header) return false
  const key = `${coding} ${header}`
  let accepted = known.get(key)
  if (accepted === undefined) {
    accepted = parseAccepts(header, coding)
    if (known.size >= MAX_KNOWN) known.clear()
    known.set(key, accepted)
  }
  return accepted
}

const parseAccepts = (header: string, coding: 'br' | 'gzip'): boolean => {
  let wildcard = false
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='))
    const allowed = q === undefined || Number.parseFloat(q.slice(2)) > 0
    if (name.trim() === coding) return allowed
    if (name.trim() === '*') wildcard = allowed
  }
  return wildcard
}

/**
 * If-None-Match against a cached answer: any of its representations (identity,
 * br, gzip) counts as a match, as weak comparison allows (RFC 9110 §13.1.2).
 */
export const matchesEtag = (header: string | undefined, etag: string): boolean => {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '').replace(/^"|"$/g, '')
    return tag === etag || tag === `${etag}-br` || tag === `${etag}-gzip`
  })
}
