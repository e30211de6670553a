import express, { type Express, type Request, type Response } from 'express'

import type { Runtime } from '../runtime/bridge'
import { adminSpeaksDutch } from './adminLanguage'
import { captions } from './captions'
import { downloads } from './downloads'
import { files } from './files'
import { healthz, readyz } from './health'
import { previewTokenGuard } from './previewToken'
import { securityHeaders } from './securityHeaders'
import { securityTxt } from './securityTxt'

/**
 * The project's own HTTP wing, in front of Payload/Next: security headers,
 * health and readiness, security.txt, and refusing invalid preview tokens. Everything else falls through to Next (admin, REST, GraphQL).
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
  // No body parser here: Payload reads the raw request body itself.
  app.use((req, res) => options.nextHandler(req, res))
  return app
}
