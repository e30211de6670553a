import type { NextFunction, Request, Response } from 'express'

import { apiBodyMaxBytes } from '../utilities/env'
import { sendError } from './errors'

/**
 * JSON and GraphQL bodies larger than API_BODY_MAX_KB (default 2 MB) are refused with
 * 413 from their Content-Length, before a byte of them is read, and the connection is
 * closed so the rest is never read either. Uploads (multipart) keep their own limit,
 * MAX_UPLOAD_MB, enforced while they stream in; GraphQL bodies without a length are
 * cut off at the same limit while they are read (src/http/api/graphql.ts).
 */
export const bodyLimit = (req: Request, res: Response, next: NextFunction): void => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
  if (/^multipart\//i.test(req.headers['content-type'] ?? '')) return next()
  const length = Number(req.headers['content-length'])
  if (!Number.isFinite(length) || length <= apiBodyMaxBytes()) return next()
  res.setHeader('Connection', 'close')
  sendError(req, res, 413, 'requestBodyTooLarge')
  res.once('finish', () => req.socket.destroySoon())
}
