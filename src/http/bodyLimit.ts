import type { NextFunction, Request, Response } from 'express'

import { apiBodyMaxBytes } from '../utilities/env'
import { keepBufferedBody, readBody } from './api/webRequest'
import { sendError } from './errors'

/**
 * JSON and GraphQL bodies larger than API_BODY_MAX_KB (default 2 MB) are refused with
 * 413 and the connection is closed, so the rest is never read:
 * - with a Content-Length, from the header, before a byte of the body is read;
 * - without one (chunked), while it is read: it is read here up to the limit and kept
 *   for the route (src/http/api/webRequest.ts, bufferedBody), which is cheap because
 *   such bodies are small by definition.
 * Uploads (multipart) keep their own limit, MAX_UPLOAD_MB, enforced while they stream in.
 */
export const bodyLimit = (req: Request, res: Response, next: NextFunction): void => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
  if (/^multipart\//i.test(req.headers['content-type'] ?? '')) return next()
  const limit = apiBodyMaxBytes()
  if (
    req.headers['content-length'] === undefined &&
    req.headers['transfer-encoding'] !== undefined
  ) {
    readBody(req, limit).then((body) => {
      if (!body) return refuseWhileReading(req, res)
      keepBufferedBody(req, body)
      next()
    }, next)
    return
  }
  const length = Number(req.headers['content-length'])
  if (!Number.isFinite(length) || length <= limit) return next()
  refuse(req, res)
}

const refuse = (req: Request, res: Response): void => {
  res.setHeader('Connection', 'close')
  sendError(req, res, 413, 'requestBodyTooLarge')
  res.once('finish', () => req.socket.destroySoon())
}

/**
 * The client is still sending: answering and closing now would reset the connection and
 * the unread answer with it (TCP discards what the client has not read yet). So the rest
 * of the body is read and thrown away (readBody resumed the stream, nothing is kept) and
 * the 413 goes once it has ended, or after BODY_LINGER_MS to a client still sending.
 */
const BODY_LINGER_MS = 2000
const refuseWhileReading = (req: Request, res: Response): void => {
  if (req.readableEnded) return refuse(req, res)
  const answer = () => {
    clearTimeout(cutOff)
    if (!res.headersSent) refuse(req, res)
  }
  const cutOff = setTimeout(answer, BODY_LINGER_MS)
  req.once('end', answer)
}
