/** Reads a positive integer from the environment, falling back when unset or malformed. */
export const intFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name]
  const value = raw ? Number.parseInt(raw, 10) : Number.NaN
  return Number.isFinite(value) && value > 0 ? value : fallback
}

export const mediaDir = (): string => process.env.MEDIA_DIR || './media'

/**
 * Largest upload: `MAX_UPLOAD_MB` megabytes (default 50). `UPLOAD_MAX_BYTES`, when
 * set, wins: an exact byte count, for tests and odd limits.
 */
export const uploadMaxBytes = (): number =>
  intFromEnv('UPLOAD_MAX_BYTES', intFromEnv('MAX_UPLOAD_MB', 50) * 1024 * 1024)

/**
 * How long browsers and CDNs may keep a public file before they revalidate it
 * (`FILE_CACHE_SECONDS`, default 300). Short, because the URLs are stable while the
 * file behind them can change or be unpublished; revalidating is a cheap 304.
 */
export const fileCacheSeconds = (): number => intFromEnv('FILE_CACHE_SECONDS', 300)
