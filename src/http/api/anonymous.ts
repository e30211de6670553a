import type { Request } from 'express'

/**
 * A request that carries no credentials of any kind Payload or the preview guard
 * accept: no Authorization (JWT or API key), no session cookie, no preview token.
 * Only such requests may share cached answers.
 */
export const isAnonymous = (req: Request): boolean =>
  !req.headers.authorization &&
  !(req.headers.cookie ?? '').includes('payload-token') &&
  !req.headers['x-preview-token'] &&
  !req.originalUrl.includes('previewToken')
