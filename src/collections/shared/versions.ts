import type { CollectionConfig } from 'payload'

/**
 * Drafts, autosave and scheduled publish/unpublish for every content collection.
 * Autosave keeps editors' work; `schedulePublish` queues a Payload job that the
 * server runs in-process (see `jobs` in payload.config.ts).
 */
export const contentVersions: CollectionConfig['versions'] = {
  drafts: {
    autosave: { interval: 2000 },
    // Queues Payload's schedulePublish job. Its own dialog is replaced by ours
    // (src/components/SchedulePublish); these settings keep it 24-hour should it show.
    schedulePublish: { timeFormat: 'HH:mm', timeIntervals: 5 },
    validate: false,
  },
  maxPerDoc: 50,
}

/**
 * Edit-view components every draft-enabled collection shares: "Publicatie plannen" with
 * Dutch typed dates (src/components/SchedulePublish), in place of Payload's dialog.
 */
export const draftEditComponents: NonNullable<NonNullable<CollectionConfig['admin']>['components']> = {
  edit: { beforeDocumentControls: ['/components/SchedulePublish#SchedulePublish'] },
}
