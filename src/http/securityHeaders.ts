import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'

import type { NextFunction, Request, Response } from 'express'

/** Headers every response carries; HSTS only when the request came in over HTTPS. */
export const setSecurityHeaders = (req: IncomingMessage, res: ServerResponse): void => {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('Content-Security-Policy', "frame-ancestors 'self'")
  res.setHeader('X-Frame-Options', 'SAMEORIGIN')
  if ((req.socket as TLSSocket).encrypted || req.headers['x-forwarded-proto'] === 'https') {
    res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
  }
}

export const securityHeaders = (req: Request, res: Response, next: NextFunction): void => {
  setSecurityHeaders(req, res)
  next()
}
