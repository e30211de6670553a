/**
 * Frontend origins allowed to call the API from a browser (`CORS_ORIGINS`,
 * comma-separated). Cookie authentication is accepted only from these origins (CSRF).
 */
export const corsOrigins = (): string[] =>
  (process.env.CORS_ORIGINS || '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

/**
 * Origins whose requests may authenticate with the session cookie: the frontends
 * plus the CMS itself (its admin sends its own Origin). Never empty: Payload
 * treats an empty `csrf` list as "accept the cookie from any origin". Without
 * `SERVER_URL` the server's own origin is taken as localhost/127.0.0.1 on `PORT`;
 * behind a proxy set `SERVER_URL`, or the admin cannot save.
 */
export const csrfOrigins = (): string[] => {
  const own = originOf(process.env.SERVER_URL || '')
  const port = process.env.PORT || '3000'
  const local = own ? [own] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
  return [...new Set([...corsOrigins(), ...local])]
}
