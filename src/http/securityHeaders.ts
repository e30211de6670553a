import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'

import type { NextFunction, Request, Response } from 'express'

const ALWAYS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
}
const OVER_HTTPS: Record<string, string> = {
  ...ALWAYS,
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
}

/** Their names in lower case (what a remembered answer leaves out and adds per request). */
export const SECURITY_HEADER_NAMES: ReadonlySet<string> = new Set(
  Object.keys(OVER_HTTPS).map((name) => name.toLowerCase()),
)

/** Headers every response carries; HSTS only when the request came in over HTTPS. */
export const securityHeadersFor = (req: IncomingMessage): Record<string, string> =>
  (req.socket as TLSSocket).encrypted || req.headers['x-forwarded-proto'] === 'https'
    ? OVER_HTTPS
    : ALWAYS

export const setSecurityHeaders = (req: IncomingMessage, res: ServerResponse): void => {
  for (const [name, value] of Object.entries(securityHeadersFor(req))) res.setHeader(name, value)
}

export const securityHeaders = (req: Request, res: Response, next: NextFunction): void => {
  setSecurityHeaders(req, res)
  next()
}
