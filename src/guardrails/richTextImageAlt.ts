import type { ValidationFieldError } from 'payload'

import { mediaUploadNodes } from './richText'
import type { Guardrail } from './types'
import { filled, isObject, relationId, valueAt } from './values'

/**
 * Rules 1 and 4: an image inside rich text passes when the image in the text has its
 * own alt text or the media item has one. The error points at the rich-text field.
 */
export const richTextImageAlt =
  (fields: string[]): Guardrail =>
  async (doc, { findMedia, t }) => {
    const withoutOwnAlt = fields.map((path) => ({
      path,
      ids: mediaUploadNodes(valueAt(doc, path))
        .filter((node) => !(isObject(node.fields) && filled(node.fields.alt)))
        .map((node) => relationId(node.value))
        .filter((id): id is number | string => id !== undefined),
    }))
    const ids = withoutOwnAlt.flatMap(({ ids }) => ids)
    if (ids.length === 0) return []
    const media = await findMedia(ids)
    const errors: ValidationFieldError[] = []
    for (const { path, ids } of withoutOwnAlt) {
      const missing = [...new Set(ids.map(String))]
        .map((id) => ({ id, image: media.get(id) }))
        .filter(({ image }) => image && !filled(image.alt))
        .map(({ id, image }) => image?.filename ?? id)
      if (missing.length > 0) {
        errors.push({ path, message: t('richTextImageAltMissing', { filenames: missing.join(', ') }) })
      }
    }
    return errors
  }
