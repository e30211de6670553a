import type { RequestListener } from 'node:http'

import express, { type Request, type Response } from 'express'

import type { Runtime } from '../runtime/bridge'
import { currentVersions } from '../contentVersion/reader'
import { apiCacheSettings, publicFileSettings } from '../utilities/env'
import { redisClient, redisKeyPrefix } from '../utilities/redis'
import { adminSpeaksDutch } from './adminLanguage'
import { apiRoutes } from './api'
import { bodyLimit } from './bodyLimit'
import { rateLimits } from './rateLimits'
import { hasCredentials } from './api/anonymous'
import { cachedAnswers } from './cachedAnswers'
import { captions } from './captions'
import { downloads } from './downloads'
import { files } from './files'
import { healthz, readyz } from './health'
import { docsAsset, docsInit, docsPage, openApiDocument } from './openapi'
import { problemJsonResponses } from './problemJson'
import { previewTokenGuard } from './previewToken'
import { answerPublicFile, isPublicFileUrl } from './publicFiles'
import { createResponseCache } from './responseCache'
import { redisAnswers } from './responseCache/sharedAnswers'
import { securityHeaders } from './securityHeaders'
import { searchRoute } from './search'
import { feedRoute, sitemapRoute } from './sitemap'
import { securityTxt } from './securityTxt'
import { noTrailingSlash } from './trailingSlash'
import { API_VERSION } from '../openapi/version'

/**
 * The project's own HTTP wing, in front of Payload/Next: security headers,
 * health and readiness, security.txt, refusing invalid preview tokens, downloads,
 * and /api (REST and GraphQL straight into Payload's handlers, anonymous reads
 * cached). Everything else falls through to Next (the admin).
 */
export const createHttpApp = (options: {
  runtime: () => Promise<Runtime> | undefined
  nextHandler: (req: Request, res: Response) => Promise<void> | void
  /** Identifies this build (Next's BUILD_ID): answers shared in Redis are per build. */
  buildId?: string
}): RequestListener => {
  const app = express()
  const cache = responseCache(options.runtime, options.buildId ?? 'dev')
  app.disable('x-powered-by')
  // Trust the first proxy so req.secure reflects X-Forwarded-Proto behind a TLS terminator.
  app.set('trust proxy', 1)
  app.use(securityHeaders)
  app.use(noTrailingSlash)
  app.get('/healthz', healthz(options.runtime))
  app.get('/readyz', readyz(options.runtime))
  app.get('/.well-known/security.txt', securityTxt)
  app.use('/admin', adminSpeaksDutch)
  // The public contract (generated/openapi.json) and its documentation page.
  app.get('/api/openapi.json', openApiDocument)
  app.get('/api/docs', docsPage)
  app.get('/api/docs/init.js', docsInit)
  app.get('/api/docs/assets/:asset', docsAsset)
  // Dutch full-text search over published content (src/search).
  app.get('/api/search', searchRoute(options.runtime, cache))
  // For the frontend's domain: sitemap and Atom feeds of published content, cached like the API.
  app.get('/sitemap.xml', sitemapRoute({ runtime: options.runtime, cache }))
  app.get('/feeds/:name.xml', feedRoute({ runtime: options.runtime, cache }))
  app.use(previewTokenGuard)
  // express 5 routes GET to HEAD as well.
  app.get('/downloads/:slug', downloads(options.runtime, cache?.files))
  app.get('/captions/:slug/:language.vtt', captions(options.runtime, cache?.files))
  // Payload's own upload file URLs, with the headers Payload leaves out (see files.ts).
  app.get('/api/:collection/file/:filename', files(options.runtime, cache?.files))
  app.use('/api', bodyLimit, rateLimits(options.runtime), apiRoutes({ runtime: options.runtime, cache }))
  // No body parser here: Payload reads the raw request body itself.
  app.use((req, res) => options.nextHandler(req, res))

  // Cached anonymous answers and known public files go out before express; everything else through it.
  const answerFromCache = cachedAnswers(cache)
  const answerFile = answerPublicFile(cache?.files)
  return (req, res) => {
    // The contract's version on every answer; RFC 9457 errors for clients that ask (problemJson.ts).
    res.setHeader('API-Version', API_VERSION)
    problemJsonResponses(req, res)
    // An editor's write may have changed what cached answers depend on: look soon (warm-up).
    if (cache && req.method !== 'GET' && req.method !== 'HEAD' && hasCredentials(req))
      res.once('finish', cache.checkSoon)
    ;(isPublicFileUrl(req.url ?? '') ? answerFile : answerFromCache)(req, res)
      .then((answered) => {
        if (!answered) app(req, res)
      })
      .catch((error: unknown) => {
        console.error(error)
        if (!res.headersSent) app(req, res)
      })
  }
}

/** The anonymous read cache, unless API_CACHE=false; shared through Redis when REDIS_URL is set. */
const responseCache = (runtime: () => Promise<Runtime> | undefined, buildId: string) => {
  const settings = apiCacheSettings()
  if (!settings.enabled) return undefined
  return createResponseCache({
    maxBytes: settings.maxBytes,
    cacheControl: settings.cacheControl,
    warmCount: settings.warmCount,
    debug: settings.debug ? (line) => console.info(`Response cache: ${line}`) : undefined,
    files: publicFileSettings(),
    readVersions: async () => {
      const started = runtime()
      if (!started) return undefined
      return currentVersions((await started).payload)
    },
    shared: redisClient()
      ? redisAnswers({
          client: redisClient,
          prefix: `${redisKeyPrefix()}api-cache:${buildId}:`,
          ttlSeconds: settings.redisTtlSeconds,
          maxEntryBytes: settings.maxBytes / 4,
          timeoutMs: 250,
        })
      : undefined,
  })
}
