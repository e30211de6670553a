import type { Request } from 'express'

/**
 * A request that carries no credentials of any kind Payload or the preview guard
 * accept: no Authorization (JWT or API key), no session cookie, no preview token.
 * Only such requests may share cached answers.
 */
export const isAnonymous = (req: Request): boolean => !hasCredentials(req)

/** Anything that could make Payload answer differently than for the public. */
export const hasCredentials = (req: Request): boolean =>
  Boolean(req.headers.authorization) ||
  (req.headers.cookie ?? '').includes('payload-token') ||
  Boolean(req.headers['x-preview-token']) ||
  req.originalUrl.includes('previewToken')
