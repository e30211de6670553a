import express, { type Express, type Request, type Response } from 'express'

import type { Runtime } from '../runtime/bridge'
import { contentVersionReader } from '../contentVersion/reader'
import { apiCacheSettings } from '../utilities/env'
import { adminSpeaksDutch } from './adminLanguage'
import { apiRoutes } from './api'
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
}): Express => {
  const app = express()
  app.disable('x-powered-by')
  // Trust the first proxy so req.secure reflects X-Forwarded-Proto behind a TLS terminator.
  app.set('trust proxy', 1)
  app.use(securityHeaders)
  app.get('/healthz', healthz)
  app.get('/readyz', readyz(options.runtime))
  app.get('/.well-known/security.txt', securityTxt)
  app.use('/admin', adminSpeaksDutch)
  app.use(previewTokenGuard)
  // express 5 routes GET to HEAD as well.
  app.get('/downloads/:slug', downloads(options.runtime))
  app.get('/captions/:slug/:language.vtt', captions(options.runtime))
  // Payload's own upload file URLs, with the headers Payload leaves out (see files.ts).
  app.get('/api/:collection/file/:filename', files(options.runtime))
  app.use('/api', apiRoutes({ runtime: options.runtime, cache: responseCache(options.runtime) }))
  // No body parser here: Payload reads the raw request body itself.
  app.use((req, res) => options.nextHandler(req, res))
  return app
}

/** The anonymous read cache, unless API_CACHE=false. */
const responseCache = (runtime: () => Promise<Runtime> | undefined) => {
  const settings = apiCacheSettings()
  if (!settings.enabled) return undefined
  let reader: (() => Promise<string | undefined>) | undefined
  return createResponseCache({
    maxBytes: settings.maxBytes,
    cacheControl: settings.cacheControl,
    readVersion: async () => {
      const started = runtime()
      if (!started) return undefined
      reader ??= contentVersionReader((await started).payload)
      return reader()
    },
  })
}
