import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Request, Response } from 'express'

import { sendWebResponse } from '../api/webRequest'
import { type CachedResponse, toCachedResponse } from './cachedResponse'
import { freshVersionReader } from './freshVersion'
import { acceptsCoding, matchesEtag } from './negotiate'
import { ResponseStore } from './store'

export type ResponseCacheOptions = {
  /** The committed content version (src/contentVersion/); undefined bypasses the cache. */
  readVersion: () => Promise<string | undefined>
  maxBytes: number
  /** Cache-Control of a cacheable answer, for browsers and CDNs. */
  cacheControl: string
}

export type ServeOptions = {
  /** Identifies the answer: everything in the request that can change it. */
  key: string
  /** Runs the real handler (Payload). */
  produce: () => Promise<globalThis.Response>
  /** Extra check on a 200 answer before it is kept (GraphQL: no `errors`). */
  keep?: (entry: CachedResponse) => boolean
}

export type ResponseCache = {
  serve: (req: Request, res: Response, options: ServeOptions) => Promise<void>
  /** Answers from the cache if it holds `key` for the current content version; false otherwise. */
  answerIfCached: (
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    extraHeaders: Record<string, string>,
  ) => Promise<boolean>
}

/** Only JSON answers are held in memory; files and anything else stream through. */
const bufferable = (response: globalThis.Response): boolean =>
  (response.headers.get('content-type') ?? '').includes('json') &&
  !response.headers.has('set-cookie')

/**
 * The anonymous read cache. Every request first learns the committed content
 * version (one shared database read per burst); an answer is reused only under
 * the version it was made under, so a change is visible to the very next request
 * in every server process. Identical concurrent misses run the handler once.
 */
export const createResponseCache = (options: ResponseCacheOptions): ResponseCache => {
  const store = new ResponseStore(options.maxBytes)
  const freshVersion = freshVersionReader(options.readVersion)
  const inFlight = new Map<string, Promise<CachedResponse | globalThis.Response>>()

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    entry: CachedResponse,
    state: 'HIT' | 'MISS',
    extraHeaders?: Record<string, string>,
  ): void => {
    const head = req.method === 'HEAD'
    const accept = req.headers['accept-encoding']
    const coding =
      entry.br && acceptsCoding(accept, 'br')
        ? 'br'
        : entry.gzip && acceptsCoding(accept, 'gzip')
          ? 'gzip'
          : undefined
    if (entry.status !== 200) {
      res.statusCode = entry.status
      for (const [name, value] of entry.headers) res.setHeader(name, value)
      res.setHeader('X-Cache', state)
      res.setHeader('Cache-Control', 'no-store')
      res.end(head ? undefined : entry.identity)
      return
    }
    // One writeHead with every header: setHeader per header was a measurable share of a hit.
    const headers: Record<string, string> = {
      ...extraHeaders,
      ...(entry.headerObject ??= Object.fromEntries(entry.headers)),
      'X-Cache': state,
      'Cache-Control': options.cacheControl,
      Vary: 'Accept-Encoding, Origin',
      ETag: `"${entry.etag}${coding ? `-${coding}` : ''}"`,
    }
    if (matchesEtag(req.headers['if-none-match'], entry.etag)) {
      res.writeHead(304, headers).end()
      return
    }
    const body = coding ? (entry[coding] as Buffer) : entry.identity
    if (coding) headers['Content-Encoding'] = coding
    headers['Content-Length'] = String(body.length)
    res.writeHead(200, headers).end(head ? undefined : body)
  }

  const serve = async (
    req: Request,
    res: Response,
    { key, produce, keep }: ServeOptions,
  ): Promise<void> => {
    const head = req.method === 'HEAD'
    const { version, sequence } = await freshVersion().catch(() => ({
      version: undefined,
      sequence: 0,
    }))
    // Without a readable version nothing can be proven fresh: answer uncached.
    if (!version) return sendWebResponse(res, await produce(), head)
    store.useVersion(version, sequence)
    const hit = store.get(version, key)
    if (hit) return send(req, res, hit, 'HIT')

    const flightKey = `${version}\n${key}`
    let flight = inFlight.get(flightKey)
    const leader = !flight
    if (!flight) {
      flight = (async () => {
        const response = await produce()
        return bufferable(response) ? toCachedResponse(response) : response
      })().finally(() => inFlight.delete(flightKey))
      inFlight.set(flightKey, flight)
    }
    const result = await flight
    if (result instanceof globalThis.Response) {
      // A streamed answer can be read once: others asking at the same time get their own.
      return sendWebResponse(res, leader ? result : await produce(), head)
    }
    if (leader && result.status === 200 && (keep?.(result) ?? true)) store.set(version, key, result)
    send(req, res, result, 'MISS')
  }

  const answerIfCached = async (
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    extraHeaders: Record<string, string>,
  ): Promise<boolean> => {
    const { version, sequence } = await freshVersion().catch(() => ({
      version: undefined,
      sequence: 0,
    }))
    if (!version) return false
    store.useVersion(version, sequence)
    const hit = store.get(version, key)
    if (!hit) return false
    send(req, res, hit, 'HIT', extraHeaders)
    return true
  }

  return { serve, answerIfCached }
}
