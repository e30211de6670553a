import type { CollectionConfig } from 'payload'

/**
 * Drafts, autosave and scheduled publish/unpublish for every content collection.
 * Autosave keeps editors' work; `schedulePublish` queues a Payload job that the
 * server runs in-process (see `jobs` in payload.config.ts).
 */
export const contentVersions: CollectionConfig['versions'] = {
  drafts: {
    autosave: { interval: 2000 },
    schedulePublish: true,
    validate: false,
  },
  maxPerDoc: 50,
}
