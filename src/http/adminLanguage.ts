import type { NextFunction, Request, Response } from 'express'

/**
 * The admin speaks Dutch unless the editor chose English in their account settings
 * (Payload keeps that choice in the `payload-lng` cookie). Without this, Payload
 * would follow the browser's Accept-Language, and an English browser would get an
 * English admin. API requests keep Accept-Language: clients choose their messages.
 */
export const adminSpeaksDutch = (req: Request, _res: Response, next: NextFunction): void => {
  const chosen = /(?:^|;\s*)payload-lng=/.test(req.headers.cookie ?? '')
  if (!chosen) req.headers['accept-language'] = 'nl'
  next()
}
