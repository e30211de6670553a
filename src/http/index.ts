import type { RequestListener } from 'node:http'

import express, { type Request, type Response } from 'express'

import type { Runtime } from '../runtime/bridge'
import { currentContentVersion } from '../contentVersion/reader'
import { apiCacheSettings } from '../utilities/env'
import { adminSpeaksDutch } from './adminLanguage'
import { apiRoutes } from './api'
import { cachedAnswers } from './cachedAnswers'
import { captions } from './captions'
import { downloads } from './downloads'
import { files } from './files'
import { healthz, readyz } from './health'
import { previewTokenGuard } from './previewToken'
import { createResponseCache } from './responseCache'
import { securityHeaders } from './securityHeaders'
import { securityTxt } from './securityTxt'

/**
 * The project's own HTTP wing, in front of Payload/Next: security headers,
 * health and readiness, security.txt, refusing invalid preview tokens, downloads,
 * and /api (REST and GraphQL straight into Payload's handlers, anonymous reads
 * cached). Everything else falls through to Next (the admin).
 */
export const createHttpApp = (options: {
  runtime: () => Promise<Runtime> | undefined
  nextHandler: (req: Request, res: Response) => Promise<void> | void
}): RequestListener => {
  const app = express()
  const cache = responseCache(options.runtime)
  app.disable('x-powered-by')
  // Trust the first proxy so req.secure reflects X-Forwarded-Proto behind a TLS terminator.
  app.set('trust proxy', 1)
  app.use(securityHeaders)
  app.get('/healthz', healthz(options.runtime))
  app.get('/readyz', readyz(options.runtime))
  app.get('/.well-known/security.txt', securityTxt)
  app.use('/admin', adminSpeaksDutch)
  app.use(previewTokenGuard)
  // express 5 routes GET to HEAD as well.
  app.get('/downloads/:slug', downloads(options.runtime))
  app.get('/captions/:slug/:language.vtt', captions(options.runtime))
  // Payload's own upload file URLs, with the headers Payload leaves out (see files.ts).
  app.get('/api/:collection/file/:filename', files(options.runtime))
  app.use('/api', apiRoutes({ runtime: options.runtime, cache }))
  // No body parser here: Payload reads the raw request body itself.
  app.use((req, res) => options.nextHandler(req, res))

  // Cached anonymous answers go out before express; everything else through it.
  const answerFromCache = cachedAnswers(cache)
  return (req, res) => {
    answerFromCache(req, res)
      .then((answered) => {
        if (!answered) app(req, res)
      })
      .catch((error: unknown) => {
        console.error(error)
        if (!res.headersSent) app(req, res)
      })
  }
}

/** The anonymous read cache, unless API_CACHE=false. */
const responseCache = (runtime: () => Promise<Runtime> | undefined) => {
  const settings = apiCacheSettings()
  if (!settings.enabled) return undefined
  return createResponseCache({
    maxBytes: settings.maxBytes,
    cacheControl: settings.cacheControl,
    readVersion: async () => {
      const started = runtime()
      if (!started) return undefined
      return currentContentVersion((await started).payload)
    },
  })
}
