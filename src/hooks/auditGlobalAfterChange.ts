import type { GlobalAfterChangeHook } from 'payload'

import { changedFields, writeAuditEntry } from './auditEntry'

/** Records a change to a global (site settings, navigation, programme) as an update of that global. */
export const auditGlobalAfterChange: GlobalAfterChangeHook = async ({ context, data, doc, global, previousDoc, req }) => {
  if (context.seeding) return doc
  await writeAuditEntry(req, {
    action: 'update',
    collection: global.slug,
    docId: null,
    title: global.slug,
    changedFields: changedFields(data, previousDoc),
  })
  return doc
}
