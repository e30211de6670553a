import type { CollectionBeforeValidateHook, PayloadRequest } from 'payload'

import { message } from '../i18n/messages'
import { refusal } from '../i18n/refusal'
import type { Guardrail, GuardrailContext, Id, MediaFacts } from './types'
import { isObject } from './values'

/**
 * The document as it will be saved: a PATCH may send only `_status`, so the submitted
 * data is laid over the stored document. Groups (`meta`) merge key by key; rich text
 * (`{ root }`), populated relations (`{ id }`) and arrays are replaced whole, as Payload does.
 */
const asSaved = (original: Record<string, unknown> | undefined, data: Record<string, unknown>): Record<string, unknown> => {
  const merged: Record<string, unknown> = { ...original }
  for (const [key, value] of Object.entries(data)) {
    const before = merged[key]
    const isGroup = (v: unknown) => isObject(v) && !('root' in v) && !('id' in v)
    merged[key] = isGroup(value) && isGroup(before) ? asSaved(before as Record<string, unknown>, value as Record<string, unknown>) : value
  }
  return merged
}

/** Media are read in the locale being published; Payload falls back to Dutch when a translation is empty. */
const mediaFinder =
  (req: PayloadRequest) =>
  async (ids: Id[]): Promise<Map<string, MediaFacts>> => {
    const locale = req.locale && req.locale !== 'all' ? req.locale : 'nl'
    const { docs } = await req.payload.find({
      collection: 'media',
      where: { id: { in: [...new Set(ids.map(String))] } },
      locale: locale as 'nl' | 'en',
      fallbackLocale: 'nl',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    return new Map(docs.map((doc) => [String(doc.id), { alt: doc.alt, filename: doc.filename }]))
  }

export const guardrailContext = (req: PayloadRequest): GuardrailContext => ({
  t: (key, values) => message(key, req, values),
  findMedia: mediaFinder(req),
})

/**
 * Runs the accessibility guardrails when the result of this change is published: publishing
 * a draft, creating as published, editing a published document directly, or a scheduled
 * publish job. Drafts and autosaves (Payload sets `_status: 'draft'` for them) pass untouched.
 * It is a beforeValidate hook so that a refused publish has not yet written any upload file.
 */
export const publishGuardrails =
  (...rules: Guardrail[]): CollectionBeforeValidateHook =>
  async ({ collection, data, originalDoc, req }) => {
    if (!data) return data
    const status = data._status ?? originalDoc?._status
    if (status !== 'published') return data
    const doc = asSaved(originalDoc, data)
    const context = guardrailContext(req)
    const errors = (await Promise.all(rules.map((rule) => rule(doc, context)))).flat()
    if (errors.length > 0) {
      throw refusal(req, collection.slug, errors)
    }
    return data
  }
