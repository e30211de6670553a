import type { NextFunction, Request, Response } from 'express'

import { previewTokenOf, verifyPreviewToken } from '../utilities/previewToken'
import { sendError } from './errors'

/**
 * A request that carries a preview token must carry a valid one: a forged,
 * malformed or expired token is refused with 401 in Payload's error shape, so
 * a frontend notices a stale preview link instead of silently rendering the
 * published version. A valid token is then honoured by the shared read rule
 * (src/access/contentRead.ts) for its one document only.
 */
export const previewTokenGuard = (req: Request, res: Response, next: NextFunction): void => {
  if (!req.path.startsWith('/api/')) return next()
  // The common case, cheaply: no token anywhere.
  if (!req.headers['x-preview-token'] && !req.originalUrl.includes('previewToken')) return next()
  const headers = new Headers({ 'x-preview-token': String(req.headers['x-preview-token'] ?? '') })
  const token = previewTokenOf(headers, new URL(req.originalUrl, 'http://local').searchParams)
  if (!token) return next()
  const result = verifyPreviewToken(token)
  if (result.ok) return next()
  sendError(
    req,
    res,
    401,
    result.reason === 'expired' ? 'previewTokenExpired' : 'previewTokenInvalid',
  )
}
