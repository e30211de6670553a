import crypto from 'node:crypto'

import type { Redis } from 'ioredis'

import type { CachedResponse } from './cachedResponse'

/**
 * The second level of the response cache, shared by every server process: a stored
 * answer with its compressed forms under the same key as in memory plus the
 * fingerprint of its dependencies (so an answer made before a change is never even
 * found after it). A new or restarted process answers from it without recomputing,
 * and what one process computed serves the others.
 */
export type SharedAnswers = {
  get: (key: string, fingerprint: string) => Promise<CachedResponse | undefined>
  /** Stores in the background; never delays or fails the request. */
  set: (key: string, fingerprint: string, entry: CachedResponse) => void
}

type Header = { s: number; h: [string, string][]; e: string; l: [number, number, number] }

/** [4-byte header length][JSON header][identity][br][gzip] */
export const encodeAnswer = (entry: CachedResponse): Buffer => {
  const header: Header = {
    s: entry.status,
    h: entry.headers,
    e: entry.etag,
    l: [entry.identity.length, entry.br?.length ?? -1, entry.gzip?.length ?? -1],
  }
  const json = Buffer.from(JSON.stringify(header))
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.length)
  return Buffer.concat([
    length,
    json,
    entry.identity,
    ...(entry.br ? [entry.br] : []),
    ...(entry.gzip ? [entry.gzip] : []),
  ])
}

/** The answer again, or undefined for bytes that are not one (another version's format). */
export const decodeAnswer = (bytes: Buffer): CachedResponse | undefined => {
  try {
    const headerLength = bytes.readUInt32BE(0)
    const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as Header
    let offset = 4 + headerLength
    const part = (length: number): Buffer | undefined => {
      if (length < 0) return undefined
      const slice = bytes.subarray(offset, offset + length)
      offset += length
      return slice
    }
    const [identityLength, brLength, gzipLength] = header.l
    const identity = part(identityLength)!
    const br = part(brLength)
    const gzip = part(gzipLength)
    if (offset !== bytes.length || typeof header.e !== 'string') return undefined
    return {
      status: header.s,
      headers: header.h,
      etag: header.e,
      identity,
      br,
      gzip,
      bytes: bytes.length + 512,
    }
  } catch {
    return undefined
  }
}

export type RedisAnswersOptions = {
  /** The shared client (src/utilities/redis.ts); null when Redis is not configured. */
  client: () => Redis | null
  /** Keys start with this, e.g. `koers:api-cache:<build>:`: another build never reads them. */
  prefix: string
  ttlSeconds: number
  /** Larger answers stay in memory only. */
  maxEntryBytes: number
  /** A read slower than this counts as a miss: Redis must never make a request slow. */
  timeoutMs: number
}

/**
 * Redis as the shared level. Redis is an accelerator, never a dependency: while it is
 * unreachable every read is a miss at once (no waiting), writes are skipped, and the
 * server keeps answering from memory and the database. The client logs the outage
 * once; a failing command while it claims to be connected is logged once as well.
 */
export const redisAnswers = (options: RedisAnswersOptions): SharedAnswers => {
  let warned = false
  const warnOnce = (what: string, error: unknown) => {
    if (warned) return
    warned = true
    console.warn(
      `Response cache: Redis ${what} failed (${(error as Error)?.message ?? error}); serving from memory and the database`,
    )
  }
  const ready = (): Redis | undefined => {
    const client = options.client()
    return client && client.status === 'ready' ? client : undefined
  }
  const redisKey = (key: string, fingerprint: string) =>
    options.prefix +
    crypto.createHash('sha256').update(key).update('\n').update(fingerprint).digest('base64url')

  return {
    get: async (key, fingerprint) => {
      const client = ready()
      if (!client) return undefined
      let timer: NodeJS.Timeout | undefined
      try {
        const bytes = await Promise.race([
          client.getBuffer(redisKey(key, fingerprint)),
          new Promise<null>((_resolve, reject) => {
            timer = setTimeout(
              () => reject(new Error(`no answer within ${options.timeoutMs} ms`)),
              options.timeoutMs,
            )
          }),
        ])
        warned = false
        return bytes ? decodeAnswer(bytes) : undefined
      } catch (error) {
        warnOnce('read', error)
        return undefined
      } finally {
        clearTimeout(timer)
      }
    },
    set: (key, fingerprint, entry) => {
      const client = ready()
      if (!client || entry.bytes > options.maxEntryBytes) return
      client
        .set(redisKey(key, fingerprint), encodeAnswer(entry), 'EX', options.ttlSeconds)
        .then(() => {
          warned = false
        })
        .catch((error: unknown) => warnOnce('write', error))
    },
  }
}
