/** Reads a positive integer from the environment, falling back when unset or malformed. */
export const intFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name]
  const value = raw ? Number.parseInt(raw, 10) : Number.NaN
  return Number.isFinite(value) && value > 0 ? value : fallback
}

export const mediaDir = (): string => process.env.MEDIA_DIR || './media'

/** Default 50 MB, from `UPLOAD_MAX_BYTES`. */
export const uploadMaxBytes = (): number => intFromEnv('UPLOAD_MAX_BYTES', 50 * 1024 * 1024)
