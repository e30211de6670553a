import fs from 'node:fs/promises'

import type { CollectionBeforeOperationHook, CollectionSlug } from 'payload'
import { limitedSharp as sharp } from '../../images/limitedSharp'

import { mayUpload } from './mayUpload'
import { message } from '../../i18n/messages'
import { imageMaxPixels } from '../../utilities/env'
import { refusal } from '../../i18n/refusal'

/** Re-encoding quality when an original has to be rewritten: visually lossless. */
const REENCODE = {
  jpeg: { quality: 92, mozjpeg: true },
  png: { compressionLevel: 9 },
  webp: { quality: 92 },
  avif: { quality: 70 },
} as const

type Reencodable = keyof typeof REENCODE

/**
 * Photos carry EXIF: camera, time and often the GPS position where they were taken.
 * The original of an uploaded image is public too (its `url`), so the metadata goes
 * before Payload stores it: the image is turned upright by its EXIF orientation and
 * written again without EXIF, XMP, IPTC and comments (the colour profile stays).
 * Images without such metadata are stored byte for byte as uploaded. The sizes
 * Payload makes from this clean original carry no metadata either (sharp drops it
 * unless asked to keep it). GIFs are stored as uploaded: they carry no EXIF.
 */
export const stripImageMetadata =
  <T extends CollectionSlug>(): CollectionBeforeOperationHook<T> =>
  async ({ args, collection, operation, req }) => {
    const file = req.file
    if (!file || (operation !== 'create' && operation !== 'update')) return args
    // Not for someone who may not upload at all: Payload's access check (after this hook) answers them.
    if (!mayUpload(args, req.user)) return args
    const input = file.data?.length
      ? file.data
      : file.tempFilePath
        ? await fs.readFile(file.tempFilePath)
        : undefined
    if (!input) return args

    let format: string | undefined
    let needsRewrite = false
    let pixels = 0
    try {
      // Reads the header only: a 16 000 × 16 000 PNG of 758 KB is refused before it is decoded.
      const meta = await sharp(input).metadata()
      pixels = (meta.width ?? 0) * (meta.height ?? 0) * Math.max(1, meta.pages ?? 1)
      format = meta.format === 'heif' ? 'avif' : meta.format
      needsRewrite = Boolean(
        meta.exif ||
        meta.xmp ||
        meta.iptc ||
        meta.comments?.length ||
        (meta.orientation ?? 1) !== 1,
      )
    } catch {
      // Not an image sharp can read (a PDF document, say): nothing to strip.
      if (file.mimetype.startsWith('image/')) {
        throw refusal(req, collection.slug, [{ path: 'file', message: message('imageUnreadable', req) }])
      }
      return args
    }
    const maxPixels = imageMaxPixels()
    if (pixels > maxPixels) {
      throw refusal(req, collection.slug, [
        {
          path: 'file',
          message: message('imageTooManyPixels', req, {
            megapixels: String(Math.round(pixels / 1e6)),
            maxMegapixels: String(Math.round(maxPixels / 1e6)),
          }),
        },
      ])
    }
    if (!needsRewrite || !format || !(format in REENCODE)) return args

    const clean = await sharp(input, { limitInputPixels: maxPixels })
      .rotate()
      .keepIccProfile()
      .toFormat(format as Reencodable, REENCODE[format as Reencodable])
      .toBuffer()
    if (file.tempFilePath && !file.data?.length) await fs.writeFile(file.tempFilePath, clean)
    else file.data = clean
    file.size = clean.length
    return args
  }
