import type { NextFunction, Request, Response } from 'express'

import { messages } from '../i18n/messages'
import { PREVIEW_TOKEN_HEADER, PREVIEW_TOKEN_QUERY, verifyPreviewToken } from '../utilities/previewToken'

/**
 * A request that carries a preview token must carry a valid one: a forged,
 * malformed or expired token is refused with 401 in Payload's error shape, so
 * a frontend notices a stale preview link instead of silently rendering the
 * published version. A valid token is then honoured by the shared read rule
 * (src/access/contentRead.ts) for its one document only.
 */
export const previewTokenGuard = (req: Request, res: Response, next: NextFunction): void => {
  if (!req.path.startsWith('/api/')) return next()
  const header = req.headers[PREVIEW_TOKEN_HEADER]
  const query = new URL(req.originalUrl, 'http://local').searchParams.get(PREVIEW_TOKEN_QUERY)
  const token = (Array.isArray(header) ? header[0] : header) || query
  if (token === undefined || token === null) return next()
  const result = verifyPreviewToken(token)
  if (result.ok) return next()
  const language = /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'nl'
  const key = result.reason === 'expired' ? 'previewTokenExpired' : 'previewTokenInvalid'
  res.setHeader('Cache-Control', 'no-store')
  res.status(401).json({ errors: [{ message: messages[key][language] }] })
}
