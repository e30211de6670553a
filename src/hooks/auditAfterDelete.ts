import type { CollectionAfterDeleteHook } from 'payload'

import { writeAuditEntry } from './auditEntry'

/** Records a deletion with the title the document had, since the document itself is gone. */
export const auditAfterDelete: CollectionAfterDeleteHook = async ({ collection, context, doc, id, req }) => {
  if (context.seeding) return doc
  await writeAuditEntry(req, {
    action: 'delete',
    collection: collection.slug,
    docId: id,
    title: doc?.[collection.admin?.useAsTitle ?? 'id'] || doc?.title || doc?.filename || doc?.email,
  })
  return doc
}
