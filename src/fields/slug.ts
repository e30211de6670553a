import type { CollectionSlug, FieldHook, TextField } from 'payload'

import { label } from '../i18n/label'
import { message } from '../i18n/messages'
import { isValidSlug, slugify } from '../utilities/slugify'

/**
 * Makes a generated slug unique within its collection by adding -2, -3, …
 * A slug the editor typed is left alone: a clash is reported by validation instead.
 */
const uniqueSlug = async (
  base: string,
  collection: CollectionSlug,
  id: number | string | undefined,
  req: Parameters<FieldHook>[0]['req'],
): Promise<string> => {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    const clash = await req.payload.count({
      collection,
      where: {
        and: [{ slug: { equals: candidate } }, ...(id ? [{ id: { not_equals: id } }] : [])],
      },
      req,
    })
    if (clash.totalDocs === 0) return candidate
  }
  throw new Error(`No free slug for ${base}`)
}

const generateSlug =
  (sourceField: string): FieldHook =>
  async ({ value, data, originalDoc, collection, req, operation }) => {
    if (typeof value === 'string' && value.trim() !== '') {
      return slugify(value) || value
    }
    // Keep an existing slug stable when the title changes later: URLs must not move.
    if (operation === 'update' && originalDoc?.slug) return originalDoc.slug
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    const title =
      typeof source === 'string' ? source : typeof source?.nl === 'string' ? source.nl : ''
    const base = slugify(title)
    if (!base || !collection) return value
    return uniqueSlug(base, collection.slug as CollectionSlug, originalDoc?.id, req)
  }

/** Unique, URL-safe slug generated from the title, editable in the sidebar. */
export const slugField = (sourceField = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  label: label('Slug (URL-deel)', 'Slug (URL part)'),
  index: true,
  unique: true,
  admin: {
    position: 'sidebar',
    description: label(
      'Wordt automatisch gemaakt uit de titel. Alleen kleine letters, cijfers en koppeltekens.',
      'Generated from the title. Lowercase letters, digits and hyphens only.',
    ),
  },
  hooks: { beforeValidate: [generateSlug(sourceField)] },
  validate: async (value, { req, collectionSlug, id }) => {
    if (!value) return true // generated before validation; empty only when there is no title
    if (!isValidSlug(value)) return message('slugInvalid', req)
    // A typed slug that is taken gets the editor's message; the unique index stays the last guard.
    if (!collectionSlug) return true
    const clash = await req.payload.count({
      collection: collectionSlug as CollectionSlug,
      where: { and: [{ slug: { equals: value } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
      req,
    })
    return clash.totalDocs === 0 || message('slugTaken', req)
  },
})
