/**
 * Frontend origins allowed to call the API from a browser (`CORS_ORIGINS`,
 * comma-separated). Cookie authentication is accepted only from these origins (CSRF).
 */
export const corsOrigins = (): string[] =>
  (process.env.CORS_ORIGINS || '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)
