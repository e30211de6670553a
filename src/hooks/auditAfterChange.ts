import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, SanitizedCollectionConfig } from 'payload'

import { changedFields, readOnlyFields, writeAuditEntry, type AuditAction } from './auditEntry'

const wasLiveKey = (slug: string, id: unknown) => `audit:wasLive:${slug}:${String(id)}`

/** Reads the live (main) document's status: a draft save leaves it alone, unpublish changes it. */
const liveStatus = async (collection: SanitizedCollectionConfig, id: unknown, req: Parameters<CollectionAfterChangeHook>[0]['req']) => {
  const live = await req.payload.db.findOne({ collection: collection.slug, where: { id: { equals: id } }, req })
  return (live as { _status?: string } | null)?._status
}

const titleOf = (collection: SanitizedCollectionConfig, doc: Record<string, unknown>): unknown =>
  doc[collection.admin?.useAsTitle ?? 'id'] || doc.title || doc.filename || doc.email

/**
 * For collections with drafts: remembers whether the live document was published before
 * this change. `previousDoc` is the latest version, which may be a newer draft, so it
 * cannot tell an unpublish from saving a draft on its own.
 */
export const auditBeforeChange: CollectionBeforeChangeHook = async ({ collection, context, data, operation, originalDoc, req }) => {
  if (context.seeding || operation !== 'update' || !collection.versions?.drafts || !originalDoc?.id) return data
  context[wasLiveKey(collection.slug, originalDoc.id)] = (await liveStatus(collection, originalDoc.id, req)) === 'published'
  return data
}

/**
 * Records create, update, publish and unpublish. Publishing = the saved document is
 * published and the previous state was not (a draft published, or created as published);
 * unpublishing = the live document was published and is a draft now.
 * The seed (`context.seeding`) is not logged: it is the installation's starting point, not
 * anyone's editorial action, and the demo generator would otherwise add thousands of entries.
 */
export const auditAfterChange: CollectionAfterChangeHook = async ({ collection, context, data, doc, operation, previousDoc, req }) => {
  if (context.seeding) return doc
  const base = { collection: collection.slug, docId: doc.id, title: titleOf(collection, doc) }
  const drafts = Boolean(collection.versions?.drafts)
  const actions: AuditAction[] = []
  if (operation === 'create') {
    actions.push('create')
    if (drafts && doc._status === 'published') actions.push('publish')
  } else if (drafts && doc._status === 'published' && previousDoc?._status !== 'published') {
    actions.push('publish')
  } else if (
    drafts &&
    doc._status === 'draft' &&
    context[wasLiveKey(collection.slug, doc.id)] === true &&
    (await liveStatus(collection, doc.id, req)) === 'draft'
  ) {
    actions.push('unpublish')
  } else {
    actions.push('update')
  }
  for (const action of actions) {
    await writeAuditEntry(req, {
      ...base,
      action,
      changedFields: operation === 'update' ? changedFields(data, previousDoc, readOnlyFields(collection)) : null,
    })
  }
  return doc
}
