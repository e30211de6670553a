/**
 * A Content-Disposition header with a readable file name (RFC 6266): `filename` is an
 * ASCII fallback for old clients, `filename*` (RFC 8187, UTF-8) the exact name with
 * accents and all, which every current browser uses.
 */
export const contentDisposition = (type: 'attachment' | 'inline', filename: string): string => {
  const fallback = filename
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return fallback === filename
    ? `${type}; filename="${filename}"`
    : `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

/**
 * "Factsheet: Koers & kansen 2025/2026" → "Factsheet - Koers & kansen 2025-2026.pdf": the title
 * as the saved file's name, without characters file systems refuse, with the right extension.
 */
export const filenameFromTitle = (
  title: string | null | undefined,
  extension: string,
  fallback = 'document',
): string => {
  const base = (title ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s*:\s*/g, ' - ')
    .replace(/[\\/|]+/g, '-')
    .replace(/[<>"?*]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 150)
    .trim()
  return `${base || fallback}.${extension}`
}
