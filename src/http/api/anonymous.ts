import type { IncomingMessage } from 'node:http'

/**
 * Anything Payload or the preview guard would accept as credentials: Authorization
 * (JWT or API key), the session cookie, a preview token in a header or the query.
 * Only requests without any of them may share cached answers. Reads only headers
 * and the URL's query (present in `req.url` also inside a mounted express router).
 */
export const hasCredentials = (req: IncomingMessage): boolean =>
  Boolean(req.headers.authorization) ||
  (req.headers.cookie ?? '').includes('payload-token') ||
  Boolean(req.headers['x-preview-token']) ||
  (req.url ?? '').includes('previewToken')

/** Upload bytes (`<collection>/file/<name>` under /api) stream from disk; they are never held in memory. */
export const isFileUrl = (pathUnderApi: string): boolean => /^\/[^/]+\/file\//.test(pathUnderApi)

/** The users collection (the auth collection): who is logged in, never anything to share. */
export const isAuthUrl = (pathUnderApi: string): boolean => /^\/users(\/|$|\?)/.test(pathUnderApi)
