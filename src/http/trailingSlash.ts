import type { NextFunction, Request, Response } from 'express'

import { sendError } from './errors'

/**
 * NL API Design Rules /core/no-trailing-slash: `/api/pages/` is not `/api/pages`. Answered
 * 404 (never a redirect, which clients would follow silently); the admin is Next's business.
 */
export const noTrailingSlash = (req: Request, res: Response, next: NextFunction): void => {
  if (req.path.length > 1 && req.path.endsWith('/') && !req.path.startsWith('/admin')) {
    sendError(req, res, 404, 'notFound')
    return
  }
  next()
}
