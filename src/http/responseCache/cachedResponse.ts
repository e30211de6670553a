import crypto from 'node:crypto'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** A complete API answer held in memory, with its compressed forms made once. */
export type CachedResponse = {
  status: number
  /** The handler's own headers worth repeating (content type, CORS). */
  headers: [string, string][]
  /**
   * Every header of a 200 and of a 304 per way of sending it (security headers, HIT or
   * MISS, coding), made on first use: a hit then allocates no header object at all.
   */
  prepared?: Map<object, Map<string, PreparedHeaders>>
  /** Strong validator of the identity bytes; a compressed form gets a suffix. */
  etag: string
  identity: Buffer
  br?: Buffer
  gzip?: Buffer
  /** Memory it takes, for the cache's size limit. */
  bytes: number
}

export type PreparedHeaders = {
  ok: Record<string, string>
  notModified: Record<string, string>
}

/** Headers the cache sets itself or that describe one transfer only. */
const NOT_KEPT = new Set([
  'cache-control',
  'connection',
  'content-encoding',
  'content-length',
  'date',
  'etag',
  'keep-alive',
  'transfer-encoding',
  'vary',
])

/** Smaller bodies are not worth the CPU and the extra header. */
const COMPRESS_FROM_BYTES = 1024

export const toCachedResponse = async (response: Response): Promise<CachedResponse> => {
  const identity = Buffer.from(await response.arrayBuffer())
  const headers: [string, string][] = []
  response.headers.forEach((value, name) => {
    if (!NOT_KEPT.has(name)) headers.push([name, value])
  })
  const etag = crypto.createHash('sha256').update(identity).digest('base64url').slice(0, 32)
  let br: Buffer | undefined
  let gz: Buffer | undefined
  if (response.status === 200 && identity.length >= COMPRESS_FROM_BYTES) {
    // Quality 5 compresses JSON almost as well as 11 at a fraction of the CPU.
    ;[br, gz] = await Promise.all([
      brotli(identity, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      }),
      gzip(identity, { level: 6 }),
    ])
  }
  const bytes = identity.length + (br?.length ?? 0) + (gz?.length ?? 0) + 512
  return { status: response.status, headers, etag, identity, br, gzip: gz, bytes }
}
