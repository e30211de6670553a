import type { CollectionConfig } from 'payload'

/**
 * Drafts, autosave and scheduled publish/unpublish for every content collection.
 * Autosave keeps editors' work; `schedulePublish` queues a Payload job that the
 * server runs in-process (see `jobs` in payload.config.ts).
 */
export const contentVersions: CollectionConfig['versions'] = {
  drafts: {
    autosave: { interval: 2000 },
    // The schedule dialog's time list on a 24-hour clock (Payload's default is 'h:mm aa').
    schedulePublish: { timeFormat: 'HH:mm', timeIntervals: 5 },
    validate: false,
  },
  maxPerDoc: 50,
}

/**
 * Edit-view components every draft-enabled collection shares: the schedule dialog
 * proposes publishing for a never-published draft (src/components/DraftSchedulesPublish.tsx).
 */
export const draftEditComponents: NonNullable<NonNullable<CollectionConfig['admin']>['components']> = {
  edit: { beforeDocumentControls: ['/components/DraftSchedulesPublish#DraftSchedulesPublish'] },
}
