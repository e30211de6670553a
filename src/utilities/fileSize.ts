/**
 * A file size as people read it: "1,2 MB" in Dutch, "1.2 MB" in English. Units of
 * 1024, as `MAX_UPLOAD_MB` and most file managers count; one decimal below 10, none above.
 */
export const humanFileSize = (
  bytes: number | null | undefined,
  locale: string = 'nl',
): string | null => {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return null
  const units = ['bytes', 'kB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
    useGrouping: false,
  }).format(value)
  return `${number} ${units[unit]}`
}
