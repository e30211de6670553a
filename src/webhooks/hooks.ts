import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  GlobalAfterChangeHook,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import { pagePath } from '../collections/Pages/pagePath'
import type { RevalidationEvent } from './event'
import { queueDeliveries } from './queueDeliveries'
import { webhookTargets } from './targets'

type Live = { _status?: string; slug?: string | null } | null

const liveKey = (slug: string, id: unknown) => `webhooks:live:${slug}:${String(id)}`

/** The live (main table) document: a draft save leaves it alone, publish and unpublish change it. */
const readLive = async (
  collection: SanitizedCollectionConfig,
  id: unknown,
  req: PayloadRequest,
): Promise<Live> =>
  (await req.payload.db.findOne({
    collection: collection.slug,
    where: { id: { equals: id } },
    req,
  })) as Live

const pathOf = (doc: Record<string, unknown>): string | null => pagePath(doc) ?? null

const describeDocument = (collection: SanitizedCollectionConfig, doc: Record<string, unknown>) => ({
  collection: collection.slug,
  id: doc.id as number | string,
  slug: (doc.slug as string | null | undefined) ?? null,
  ...(collection.slug === 'pages' ? { path: pathOf(doc) } : {}),
})

// Seeding is the installation's starting point, not a change a frontend has cached.
const skip = (context: Record<string, unknown>) =>
  Boolean(context.seeding) || webhookTargets().length === 0

/**
 * Remembers the live document before an update. `previousDoc` in afterChange is the
 * latest version, which may be a newer draft, so it cannot tell an unpublish from a
 * draft save, nor give the slug the public currently sees.
 */
export const rememberLiveDocument: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (skip(context) || operation !== 'update' || !originalDoc?.id) return data
  context[liveKey(collection.slug, originalDoc.id)] = await readLive(
    collection,
    originalDoc.id,
    req,
  )
  return data
}

/**
 * publish: the saved document is published — created published, a draft published,
 * or a published document changed and published again (its public content changed).
 * unpublish: the live document was published and is a draft now. A draft save or
 * autosave leaves the live document alone and sends nothing.
 */
export const webhookAfterChange: CollectionAfterChangeHook = async ({
  collection,
  context,
  doc,
  operation,
  req,
}) => {
  if (skip(context)) return doc
  const before =
    operation === 'update' ? (context[liveKey(collection.slug, doc.id)] as Live | undefined) : null
  let event: RevalidationEvent['event'] | null = null
  if (doc._status === 'published') event = 'publish'
  else if (
    before?._status === 'published' &&
    (await readLive(collection, doc.id, req))?._status !== 'published'
  )
    event = 'unpublish'
  if (!event) return doc
  const described = describeDocument(collection, doc)
  const previousSlug =
    event === 'publish' && before?._status === 'published' && before.slug !== described.slug
      ? before.slug
      : undefined
  await queueDeliveries(req, { event, ...described, ...(previousSlug ? { previousSlug } : {}) })
  return doc
}

/** delete: only a document the public could see; deleting a never-published draft changes no page. */
export const webhookAfterDelete: CollectionAfterDeleteHook = async ({
  collection,
  context,
  doc,
  req,
}) => {
  if (skip(context) || doc?._status !== 'published') return doc
  await queueDeliveries(req, { event: 'delete', ...describeDocument(collection, doc) })
  return doc
}

/**
 * Globals (site settings, navigation, programme) have no drafts: every save is live and
 * typically shows on every page of the frontend, so it is sent as `update`.
 */
export const webhookGlobalAfterChange: GlobalAfterChangeHook = async ({
  context,
  doc,
  global,
  req,
}) => {
  if (skip(context)) return doc
  await queueDeliveries(req, { event: 'update', global: global.slug })
  return doc
}
