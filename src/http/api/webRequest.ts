import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { IncomingMessage } from 'node:http'
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
  // A body read before (src/http/bodyLimit.ts, the GraphQL fast path) is sent as read.
  const read = options.body ?? bufferedBody(req)
  const body = withBody ? (read ?? (Readable.toWeb(req) as ReadableStream<Uint8Array>)) : undefined
  if (withBody && read) {
    headers.delete('transfer-encoding')
    headers.set('content-length', String(read.length))
  }
  const url = `${req.protocol}://${req.get('host') || 'localhost'}${options.path ?? req.originalUrl}`
  return new Request(url, { method, headers, body, duplex: 'half' } as RequestInit)
}

/**
 * A web Request for Payload made again on each call from plain copies of the express
 * request's method, URL, headers and (already read) body. The response cache keeps it
 * to recompute an answer after a change (warm-up) without holding on to the express
 * request and its connection.
 */
export const detachedRequest = (
  req: ExpressRequest,
  options: { method?: string; body?: Buffer; path?: string } = {},
): (() => Request) => {
  const headers: [string, string][] = []
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) headers.push([name, item])
    else headers.push([name, value])
  }
  const method = options.method ?? req.method
  const body = method !== 'GET' && method !== 'HEAD' ? options.body : undefined
  if (body) {
    const index = headers.findIndex(([name]) => name === 'content-length')
    if (index >= 0) headers.splice(index, 1)
    headers.push(['content-length', String(body.length)])
  }
  const url = `${req.protocol}://${req.get('host') || 'localhost'}${options.path ?? req.originalUrl}`
  return () => new Request(url, { method, headers, body } as RequestInit)
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
export const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        req.resume()
        resolve(undefined)
      } else chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () =>
      resolve(size > limit ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
    )
    req.once('error', reject)
  })

const BUFFERED = Symbol('koers.bufferedBody')
type WithBody = { [BUFFERED]?: Buffer }

/** Keeps a body that was read before express saw the request, for the route that needs it. */
export const keepBufferedBody = (req: object, body: Buffer): void => {
  ;(req as WithBody)[BUFFERED] = body
}

export const bufferedBody = (req: object): Buffer | undefined => (req as WithBody)[BUFFERED]
