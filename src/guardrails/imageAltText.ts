import type { ValidationFieldError } from 'payload'

import type { Guardrail } from './types'
import { filled, relationId, valueAt } from './values'

/**
 * Rule 1: an image shown by the document (hero, share image, cover, poster) needs
 * alt text before the document is published. `paths` are the upload fields to check.
 */
export const imageAltText =
  (paths: string[]): Guardrail =>
  async (doc, { findMedia, t }) => {
    const used = paths
      .map((path) => ({ path, id: relationId(valueAt(doc, path)) }))
      .filter((entry): entry is { path: string; id: number | string } => entry.id !== undefined)
    if (used.length === 0) return []
    const media = await findMedia(used.map(({ id }) => id))
    const errors: ValidationFieldError[] = []
    for (const { path, id } of used) {
      const image = media.get(String(id))
      if (image && !filled(image.alt)) {
        errors.push({ path, message: t('imageAltMissing', { filenames: image.filename ?? String(id) }) })
      }
    }
    return errors
  }
