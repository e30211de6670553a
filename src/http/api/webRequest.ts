import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * The express request as a web Request for Payload's fetch-style handlers. The body
 * streams through untouched (uploads), unless it was already read (GraphQL).
 */
export const toWebRequest = (
  req: ExpressRequest,
  options: { method?: string; body?: Buffer; path?: string } = {},
): Request => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else headers.set(name, value)
  }
  const method = options.method ?? req.method
  const withBody = method !== 'GET' && method !== 'HEAD'
  const body = withBody
    ? (options.body ?? (Readable.toWeb(req) as ReadableStream<Uint8Array>))
    : undefined
  if (options.body) headers.set('content-length', String(options.body.length))
  const url = `${req.protocol}://${req.get('host') || 'localhost'}${options.path ?? req.originalUrl}`
  return new Request(url, { method, headers, body, duplex: 'half' } as RequestInit)
}

/** Writes a web Response to express: status, headers (every Set-Cookie), streamed body. */
export const sendWebResponse = async (
  res: ExpressResponse,
  response: Response,
  head = false,
): Promise<void> => {
  res.status(response.status)
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies)
  if (!response.body || head) {
    await response.body?.cancel()
    res.end()
    return
  }
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res)
}

/** Reads a small request body whole; undefined when it is larger than `limit` bytes. */
export const readBody = async (req: ExpressRequest, limit: number): Promise<Buffer | undefined> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) return undefined
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

const BUFFERED = Symbol('koers.bufferedBody')
type WithBody = { [BUFFERED]?: Buffer }

/** Keeps a body that was read before express saw the request, for the route that needs it. */
export const keepBufferedBody = (req: object, body: Buffer): void => {
  ;(req as WithBody)[BUFFERED] = body
}

export const bufferedBody = (req: object): Buffer | undefined => (req as WithBody)[BUFFERED]
