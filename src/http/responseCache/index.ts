import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Request, Response } from 'express'

import { type DependencySet, dependencySet } from '../../contentVersion/dependencies'
import type { VersionSnapshot } from '../../contentVersion/snapshot'
import { inBackground } from '../../utilities/concurrencyLimit'
import { sendWebResponse } from '../api/webRequest'
import { type CachedResponse, type PreparedHeaders, toCachedResponse } from './cachedResponse'
import { freshVersionReader } from './freshVersion'
import { acceptsCoding, matchesEtag } from './negotiate'
import type { PublicFile, PublicFiles } from './publicFiles'
import type { SharedAnswers } from './sharedAnswers'
import { type Recipe, ResponseStore, type StaleAnswer, type StoredAnswer } from './store'
import { warmUp } from './warmUp'

export type ResponseCacheOptions = {
  /** The committed versions of every scope (src/contentVersion/); undefined bypasses the cache. */
  readVersions: () => Promise<VersionSnapshot | undefined>
  maxBytes: number
  /** Cache-Control of a cacheable answer, for browsers and CDNs. */
  cacheControl: string
  /** How many of the most-requested answers a change made stale are recomputed at once (0: none). */
  warmCount?: number
  /** How often the versions are checked when no request does it (for warm-up), in ms. */
  checkEveryMs?: number
  /** The level shared by every process (Redis), if any. */
  shared?: SharedAnswers
  /** Diagnostics (API_CACHE_DEBUG): one line per warmed answer. */
  debug?: (line: string) => void
  /** Public files (src/http/publicFiles.ts): memory for all of them, and per file. */
  files?: { maxBytes: number; maxFileBytes: number }
}

export type ServeOptions = {
  /** Identifies the answer: everything in the request that can change it. */
  key: string
  /**
   * The collections and globals (and `<slug>:draft` scopes) the answer can contain
   * (src/http/api/dependencies.ts); omitted: it depends on everything. The answer is
   * reused while none of them changed.
   */
  dependsOn?: DependencySet | readonly string[]
  /**
   * Runs the real handler (Payload). Called again later without the request that
   * asked (to warm the cache after a change), so it must not read a request body
   * that is gone: everything it needs is read before.
   */
  produce: () => Promise<globalThis.Response>
  /** Extra check on a 200 answer before it is kept (GraphQL: no `errors`). */
  keep?: (entry: CachedResponse) => boolean
}

export type ResponseCache = {
  serve: (req: Request, res: Response, options: ServeOptions) => Promise<void>
  /** Answers from memory if it holds a valid answer for `key`; false otherwise. */
  answerIfCached: (
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    extraHeaders: Record<string, string>,
  ) => Promise<boolean>
  /** A change may have been committed here: check the versions soon (starts warm-up). */
  checkSoon: () => void
  /** Public files known for the committed versions (./publicFiles.ts). */
  files: PublicFiles
  /** Stops the background check (tests, shutdown). */
  close: () => void
}

/** Only JSON and XML (sitemap, feeds) answers are held in memory; files and anything else stream through. */
const bufferable = (response: globalThis.Response): boolean =>
  /json|xml/.test(response.headers.get('content-type') ?? '') &&
  !response.headers.has('set-cookie')

const asDependencySet = (dependsOn: ServeOptions['dependsOn']): DependencySet =>
  dependsOn === undefined || Array.isArray(dependsOn)
    ? dependencySet(dependsOn as readonly string[] | undefined)
    : (dependsOn as DependencySet)

const NO_EXTRA: Record<string, string> = {}

const notRecomputed = (): Promise<globalThis.Response> =>
  Promise.reject(new Error('a public file is learned from its route, never recomputed'))

type Computed =
  | { kind: 'answer'; response: CachedResponse; from: 'origin' | 'shared' }
  | { kind: 'stream'; response: globalThis.Response }

/**
 * The anonymous read cache. Every request first learns the committed versions (one
 * shared database read per burst); an answer is reused only while the versions of
 * the scopes it depends on are those it was made under, so a change is visible to
 * the very next request in every server process, and a change elsewhere leaves it
 * alone. Identical concurrent misses run the handler once; a second level (Redis)
 * shares answers between processes; after a change the hottest answers it made
 * stale are recomputed in the background.
 */
export const createResponseCache = (options: ResponseCacheOptions): ResponseCache => {
  const store = new ResponseStore(options.maxBytes)
  const fileStore = new ResponseStore<PublicFile>(options.files?.maxBytes ?? 0)
  const freshVersion = freshVersionReader(options.readVersions)
  const inFlight = new Map<string, Promise<Computed>>()
  const warmer = warmUp({ count: options.warmCount ?? 0, refresh: (stale) => refresh(stale) })

  /** The last read of the versions failed: the database is down (see serve, stale answers). */
  let versionsUnreadable = false

  /** The versions for this request; undefined when they cannot be read (then nothing is cached). */
  const versions = async (): Promise<
    { snapshot: VersionSnapshot; sequence: number } | undefined
  > => {
    const { snapshot, sequence } = await freshVersion().then(
      (read) => ((versionsUnreadable = false), read),
      () => ((versionsUnreadable = true), { snapshot: undefined, sequence: 0 }),
    )
    if (!snapshot || snapshot.tokens.size === 0) return undefined
    warmer.offer(store.advance(snapshot, sequence))
    // Files are not recomputed after a change: the next request asks the route again.
    fileStore.advance(snapshot, sequence)
    return { snapshot, sequence }
  }

  /**
   * The answer for `recipe` under `snapshot`: joins a computation of the same answer
   * in flight, else asks the shared level, else runs the handler; a kept answer goes
   * to memory and the shared level.
   */
  const compute = (
    recipe: Recipe,
    snapshot: VersionSnapshot,
    requests: number,
  ): { computed: Promise<Computed>; leader: boolean } => {
    const fingerprint = recipe.dependencies.fingerprint(snapshot)
    const flightKey = `${fingerprint}\n${recipe.key}`
    const running = inFlight.get(flightKey)
    if (running) return { computed: running, leader: false }
    const keep = (response: CachedResponse) => {
      const stored: StoredAnswer = { response, recipe, fingerprint, requests }
      store.set(stored)
    }
    const computed = (async (): Promise<Computed> => {
      const shared = await options.shared?.get(recipe.key, fingerprint)
      if (shared) {
        keep(shared)
        return { kind: 'answer', response: shared, from: 'shared' }
      }
      const response = await recipe.produce()
      if (!bufferable(response)) return { kind: 'stream', response }
      const cached = await toCachedResponse(response)
      if (cached.status === 200 && (recipe.keep?.(cached) ?? true)) {
        keep(cached)
        options.shared?.set(recipe.key, fingerprint, cached)
      }
      return { kind: 'answer', response: cached, from: 'origin' }
    })().finally(() => inFlight.delete(flightKey))
    inFlight.set(flightKey, computed)
    return { computed, leader: true }
  }

  /** Warm-up of one stale answer, unless a request already made it again or is making it. */
  const refresh = async ({ recipe, requests }: StaleAnswer): Promise<void> => {
    const current = await versions()
    if (!current || store.get(recipe.key, current.snapshot, false)) return
    const fingerprint = recipe.dependencies.fingerprint(current.snapshot)
    if (inFlight.has(`${fingerprint}\n${recipe.key}`)) return
    const background: Recipe = { ...recipe, produce: () => inBackground(recipe.produce) }
    const { computed } = compute(background, current.snapshot, Math.ceil(requests / 2))
    const result = await computed
    if (result.kind === 'stream') await result.response.body?.cancel()
    else options.debug?.(`warmed ${recipe.key.replaceAll('\n', ' ')} (${result.from})`)
  }

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    entry: CachedResponse,
    state: 'HIT' | 'MISS' | 'STALE',
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
    const prepared = preparedHeaders(entry, state, coding, extraHeaders ?? NO_EXTRA)
    if (matchesEtag(req.headers['if-none-match'], entry.etag)) {
      res.writeHead(304, prepared.notModified).end()
      return
    }
    res.writeHead(200, prepared.ok).end(head ? undefined : coding ? entry[coding] : entry.identity)
  }

  /**
   * One writeHead with every header (setHeader per header was a measurable share of a
   * hit), and the header objects made once per answer and way of sending it.
   */
  const preparedHeaders = (
    entry: CachedResponse,
    state: 'HIT' | 'MISS' | 'STALE',
    coding: 'br' | 'gzip' | undefined,
    extraHeaders: Record<string, string>,
  ): PreparedHeaders => {
    entry.prepared ??= new Map()
    let byWay = entry.prepared.get(extraHeaders)
    if (!byWay) {
      byWay = new Map()
      entry.prepared.set(extraHeaders, byWay)
    }
    const way = `${state}${coding ?? ''}`
    let prepared = byWay.get(way)
    if (!prepared) {
      const notModified: Record<string, string> = {
        ...extraHeaders,
        ...Object.fromEntries(entry.headers),
        'X-Cache': state,
        'Cache-Control': options.cacheControl,
        // Served while the database is down: say so, and let no one keep it (RFC 9111, 9211).
        ...(state === 'STALE'
          ? {
              'Cache-Control': 'no-cache',
              Warning: '110 - "Response is Stale"',
              'Cache-Status': 'koers-cms; hit; detail=stale-database-unavailable',
            }
          : {}),
        Vary: 'Accept-Encoding, Origin',
        ETag: `"${entry.etag}${coding ? `-${coding}` : ''}"`,
      }
      const body = coding ? (entry[coding] as Buffer) : entry.identity
      prepared = {
        notModified,
        ok: {
          ...notModified,
          ...(coding ? { 'Content-Encoding': coding } : {}),
          'Content-Length': String(body.length),
        },
      }
      byWay.set(way, prepared)
    }
    return prepared
  }

  const serve = async (
    req: Request,
    res: Response,
    { key, dependsOn, produce, keep }: ServeOptions,
  ): Promise<void> => {
    const head = req.method === 'HEAD'
    const current = await versions()
    if (!current) {
      // The database is down: the last answer kept, marked stale, beats an error.
      const stale = versionsUnreadable ? store.peek(key) : undefined
      if (stale && stale.response.status === 200) return send(req, res, stale.response, 'STALE')
      // Without readable versions nothing can be proven fresh: answer uncached.
      return sendWebResponse(res, await produce(), head)
    }
    const hit = store.get(key, current.snapshot)
    if (hit) return send(req, res, hit.response, 'HIT')

    const recipe: Recipe = { key, dependencies: asDependencySet(dependsOn), produce, keep }
    const { computed, leader } = compute(recipe, current.snapshot, 1)
    const result = await computed
    if (result.kind === 'stream') {
      // A streamed answer can be read once: others asking at the same time get their own.
      return sendWebResponse(res, leader ? result.response : await produce(), head)
    }
    // From the shared level it was made by another process: no handler ran here.
    send(req, res, result.response, result.from === 'shared' ? 'HIT' : 'MISS')
  }

  const answerIfCached = async (
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    extraHeaders: Record<string, string>,
  ): Promise<boolean> => {
    const current = await versions()
    if (!current) return false
    const hit = store.get(key, current.snapshot)
    if (!hit) return false
    send(req, res, hit.response, 'HIT', extraHeaders)
    return true
  }

  // Changes made by other processes (or jobs) are noticed by the next request anyway;
  // for warm-up they must be noticed when nobody asks, too.
  let checking = false
  const checkSoon = () => {
    if (checking || store.size === 0) return
    checking = true
    setImmediate(() => {
      void versions().finally(() => (checking = false))
    })
  }
  const timer =
    (options.warmCount ?? 0) > 0 ? setInterval(checkSoon, options.checkEveryMs ?? 1000) : undefined
  timer?.unref()

  const files: PublicFiles = {
    snapshot: async () => (await versions())?.snapshot,
    get: async (key) => {
      const current = await versions()
      return current ? fileStore.get(key, current.snapshot)?.response : undefined
    },
    set: (key, dependsOn, snapshot, file) => {
      const dependencies = asDependencySet(dependsOn)
      fileStore.set({
        response: file,
        recipe: { key, dependencies, produce: notRecomputed },
        fingerprint: dependencies.fingerprint(snapshot),
        requests: 0,
      })
    },
    maxFileBytes: options.files?.maxFileBytes ?? 0,
    heldBytes: () => fileStore.heldBytes,
  }

  return { serve, answerIfCached, checkSoon, files, close: () => clearInterval(timer) }
}
