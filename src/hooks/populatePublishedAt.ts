import type { CollectionBeforeChangeHook } from 'payload'

/** Sets `publishedAt` the first time a document is published, unless the editor chose a date. */
export const populatePublishedAt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
