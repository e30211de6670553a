import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import fresh from 'fresh'

import type { DependencySet } from '../contentVersion/dependencies'
import type { VersionSnapshot } from '../contentVersion/snapshot'
import { hasCredentials, isFileUrl } from './api/anonymous'
import type { PublicFile, PublicFiles } from './responseCache/publicFiles'
import { SECURITY_HEADER_NAMES, securityHeadersFor } from './securityHeaders'
import { opened } from './serveFile'

/**
 * Public files before express: a download (/downloads/<slug>), a Payload file URL
 * (/api/<collection>/file/<name>, image sizes included) or a caption track that its
 * route has answered the public under the committed content versions is answered
 * again here with the route's exact headers, made once per file and version: small
 * files from memory, larger ones streamed from the store, 304 and HEAD without
 * touching the store. The route itself keeps everything else: editors and previews,
 * ranges and write-style preconditions, anything not (yet) known to be public — and
 * the first request after any change to what the file depends on.
 */

/** Requests that stay with the routes: ranges and write-style preconditions. */
const ROUTE_ONLY = ['range', 'if-range', 'if-match', 'if-unmodified-since'] as const

/** Headers that describe one transfer, never repeated from a remembered answer. */
const PER_TRANSFER = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])

/** Everything in the URL can change the answer (`?inline=1`): the whole URL is the key. */
const keyOf = (url: string): string => `file\n${url}`

/** URLs whose public answers are files. */
export const isPublicFileUrl = (url: string): boolean =>
  url.startsWith('/downloads/') ||
  url.startsWith('/captions/') ||
  (url.startsWith('/api/') && isFileUrl((url.split('?')[0] ?? '').slice('/api'.length)))

/** A plain anonymous GET/HEAD: the only requests answered from what the route remembered. */
const plainPublicRead = (req: IncomingMessage): boolean =>
  (req.method === 'GET' || req.method === 'HEAD') &&
  !hasCredentials(req) &&
  ROUTE_ONLY.every((name) => req.headers[name] === undefined)

const headersFor = (file: PublicFile, security: Record<string, string>) => {
  file.merged ??= new Map()
  let merged = file.merged.get(security)
  if (!merged) {
    merged = {
      ok: { ...security, ...file.headers },
      notModified: { ...security, ...file.notModified },
    }
    file.merged.set(security, merged)
  }
  return merged
}

/** Answers a public file from what its route remembered; false: let express route it. */
export const answerPublicFile =
  (files: PublicFiles | undefined) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (!files || !plainPublicRead(req)) return false
    const file = await files.get(keyOf(req.url ?? ''))
    if (!file) return false
    const headers = headersFor(file, securityHeadersFor(req))
    if (fresh(req.headers, file.validators)) {
      res.writeHead(304, headers.notModified).end()
      return true
    }
    if (req.method === 'HEAD') {
      res.writeHead(200, headers.ok).end()
      return true
    }
    if (file.body) {
      if (file.delivered) res.once('finish', file.delivered)
      res.writeHead(200, headers.ok).end(file.body)
      return true
    }
    let body: Readable
    try {
      body = await file.read()
      await opened(body)
    } catch {
      // Gone from the store: the route answers (a 404 in the API's error shape).
      return false
    }
    res.writeHead(200, headers.ok)
    pipeline(body, res).then(
      () => file.delivered?.(),
      () => body.destroy(),
    )
    return true
  }

const readAll = async (read: () => Promise<Readable>): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of await read()) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * Called by a route after it answered a request: when that was the public's complete
 * answer (a 200 to a plain anonymous GET/HEAD, public by the read rule, learned under
 * `snapshot`), its headers are remembered for the fast path, with the bytes of a small
 * file (`body` when the route has them, else read once from the store in the background).
 */
export const rememberPublicFile = (
  files: PublicFiles | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  options: {
    snapshot: VersionSnapshot | undefined
    dependsOn: DependencySet | readonly string[]
    read: () => Promise<Readable>
    body?: Buffer
    delivered?: () => void
  },
): void => {
  const { snapshot } = options
  if (!files || !snapshot || res.statusCode !== 200 || !plainPublicRead(req)) return
  const headers: Record<string, string> = {}
  // The route's own spelling of each name (Node ≥ 15.13; the typings lag behind).
  const raw = res as unknown as { getRawHeaderNames?: () => string[] }
  for (const name of raw.getRawHeaderNames?.() ?? res.getHeaderNames()) {
    const lower = name.toLowerCase()
    const value = res.getHeader(name)
    if (PER_TRANSFER.has(lower) || SECURITY_HEADER_NAMES.has(lower) || value === undefined) continue
    if (Array.isArray(value)) return // e.g. Set-Cookie: not a public file answer
    headers[name] = String(value)
  }
  const lookup = (wanted: string) =>
    Object.entries(headers).find(([name]) => name.toLowerCase() === wanted)?.[1]
  const size = Number(lookup('content-length'))
  if (!Number.isInteger(size)) return
  const notModified = Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => !['content-type', 'content-length'].includes(name.toLowerCase()),
    ),
  )
  const validators = { etag: lookup('etag'), 'last-modified': lookup('last-modified') }
  const file: PublicFile = {
    headers,
    notModified,
    validators,
    read: options.read,
    delivered: options.delivered,
    bytes: 1024,
  }
  const key = keyOf((req as { originalUrl?: string }).originalUrl ?? req.url ?? '')
  if (size > files.maxFileBytes) return files.set(key, options.dependsOn, snapshot, file)
  const keep = (body: Buffer) => {
    // Changed in the store since the route's look at it: the route answers next time.
    if (body.length !== size) return
    files.set(key, options.dependsOn, snapshot, { ...file, body, bytes: 1024 + body.length })
  }
  if (options.body) return keep(options.body)
  readAll(options.read).then(keep, () => undefined)
}
