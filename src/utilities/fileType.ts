/**
 * The file types the CMS accepts, recognised by their first bytes (magic numbers),
 * never by name: uploads are checked with this, and files are served with the
 * Content-Type their bytes say.
 */
export type FileType = {
  mime: string
  /** The extension a saved file should have. */
  ext: string
  /** Short name for people: "PDF", "PNG". */
  label: string
}

export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', ext: 'pdf', label: 'PDF' },
  png: { mime: 'image/png', ext: 'png', label: 'PNG' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', label: 'JPEG' },
  webp: { mime: 'image/webp', ext: 'webp', label: 'WebP' },
  avif: { mime: 'image/avif', ext: 'avif', label: 'AVIF' },
  gif: { mime: 'image/gif', ext: 'gif', label: 'GIF' },
  mp4: { mime: 'video/mp4', ext: 'mp4', label: 'MP4' },
  webm: { mime: 'video/webm', ext: 'webm', label: 'WebM' },
} as const satisfies Record<string, FileType>

export type FileKind = keyof typeof FILE_TYPES

/** How many leading bytes `sniffFileType` needs. */
export const SNIFF_BYTES = 64

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  Buffer.from(bytes.subarray(start, end)).toString('latin1')

/** The type the bytes are, or null when it is none of the accepted types. */
export const sniffFileType = (bytes: Uint8Array): FileType | null => {
  if (ascii(bytes, 0, 5) === '%PDF-') return FILE_TYPES.pdf
  if (
    bytes.length >= 8 &&
    Buffer.from(bytes.subarray(0, 8)).equals(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    )
  ) {
    return FILE_TYPES.png
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return FILE_TYPES.jpeg
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return FILE_TYPES.gif
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return FILE_TYPES.webp
  if (ascii(bytes, 4, 8) === 'ftyp') {
    // ISO base media: the brands say whether it is a still image (AVIF/HEIF) or a video.
    const brands = ascii(
      bytes,
      8,
      Math.min(bytes.length, 8 + Number(Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0))),
    )
    if (/avi[fs]/.test(brands)) return FILE_TYPES.avif
    if (/hei[cfsx]|mif1|msf1/.test(ascii(bytes, 8, 12))) return null
    return FILE_TYPES.mp4
  }
  // Matroska/EBML header; WebM says so in its DocType.
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    return ascii(bytes, 4, SNIFF_BYTES).includes('webm') ? FILE_TYPES.webm : null
  }
  return null
}

/** SVG/XML/HTML text: never accepted (scripts), named so the refusal can say why. */
export const looksLikeMarkup = (bytes: Uint8Array): boolean =>
  /^\uFEFF?\s*<(\?xml|svg|!doctype|html)/i.test(
    Buffer.from(bytes.subarray(0, 256)).toString('utf8'),
  )

const BY_EXTENSION: Record<string, FileType> = {
  pdf: FILE_TYPES.pdf,
  png: FILE_TYPES.png,
  jpg: FILE_TYPES.jpeg,
  jpeg: FILE_TYPES.jpeg,
  jpe: FILE_TYPES.jpeg,
  jfif: FILE_TYPES.jpeg,
  webp: FILE_TYPES.webp,
  avif: FILE_TYPES.avif,
  gif: FILE_TYPES.gif,
  mp4: FILE_TYPES.mp4,
  m4v: FILE_TYPES.mp4,
  webm: FILE_TYPES.webm,
}

const MIME_ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
}

/** The type a file name claims by its extension, or null when the extension says nothing we know. */
export const typeFromFilename = (filename: string): FileType | null => {
  const match = /\.([a-z0-9]+)$/i.exec(filename)
  return (match && BY_EXTENSION[match[1]!.toLowerCase()]) || null
}

/**
 * The MIME type a client claimed, normalised; null when it claimed nothing specific
 * (browsers send application/octet-stream for types they do not know).
 */
export const claimedMimeType = (mimetype: string | undefined): string | null => {
  const essence = (mimetype ?? '').split(';')[0]!.trim().toLowerCase()
  if (!essence || essence === 'application/octet-stream') return null
  return MIME_ALIASES[essence] ?? essence
}

/** The label for a stored MIME type ("application/pdf" → "PDF"). */
export const labelForMimeType = (mimeType: string | null | undefined): string | null =>
  Object.values(FILE_TYPES).find((type) => type.mime === mimeType)?.label ?? null

/** The MIME type when it is one of the accepted kinds' types, else null. */
export const knownMimeType = (mimeType: string | null): string | null =>
  mimeType && Object.values(FILE_TYPES).some((type) => type.mime === mimeType) ? mimeType : null
