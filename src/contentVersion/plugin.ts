import type {
  CollectionSlug,
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  GlobalAfterChangeHook,
  PayloadRequest,
  Plugin,
} from 'payload'

import { ContentVersions } from './ContentVersions'
import { dependencyGraphOf } from './graph'
import { draftScope, publicScopes } from './scopes'
import { bumpScopes, ensureScopeRows } from './token'

const wasLiveKey = (slug: string, id: unknown) => `contentVersion:wasLive:${slug}:${String(id)}`

/** The status of the live (main table) document: a draft save leaves it alone. */
const liveStatus = async (slug: CollectionSlug, id: unknown, req: PayloadRequest) => {
  const live = await req.payload.db.findOne<{ id: number | string; _status?: string | null }>({
    collection: slug,
    where: { id: { equals: id } },
    select: { _status: true },
    req,
  })
  return live?._status
}

/**
 * For a save that is not a publish: remembers whether the live document was published,
 * so afterChange can tell an unpublish (visible) from a draft save (not visible).
 * `previousDoc` cannot: it is the latest version, which may be a newer draft.
 */
const rememberLive: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc?.id || data?._status === 'published') return data
  if (!(await publicScopes(req.payload)).isPublic(collection.slug)) return data
  context[wasLiveKey(collection.slug, originalDoc.id)] =
    (await liveStatus(collection.slug, originalDoc.id, req)) === 'published'
  return data
}

/**
 * Which scopes a saved document changed for anonymous readers. With drafts: every save
 * changes what `draft=true` readers see; the published state changes on a publish
 * (created published, a draft published, a published document saved again) and on
 * an unpublish. A draft save or autosave leaves the live document alone: nothing else.
 */
const afterChange: CollectionAfterChangeHook = async ({
  collection,
  context,
  doc,
  operation,
  req,
}) => {
  const slug = collection.slug
  if (!(await publicScopes(req.payload)).isPublic(slug)) return doc
  if (!collection.versions?.drafts) {
    await bumpScopes(req, [slug])
    return doc
  }
  const scopes = [draftScope(slug)]
  if (doc._status === 'published') scopes.push(slug)
  else if (
    operation === 'update' &&
    context[wasLiveKey(slug, doc.id)] === true &&
    (await liveStatus(slug, doc.id, req)) !== 'published'
  )
    scopes.push(slug)
  await bumpScopes(req, scopes)
  return doc
}

/**
 * A deleted document changes its own scope when the public could see it, and always
 * the collections whose rows pointed at it: the database clears or removes those
 * references, which shows in their answers even at depth 0.
 */
const afterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  const slug = collection.slug
  const scopes = await publicScopes(req.payload)
  const graph = dependencyGraphOf(req.payload.config)
  const changed = new Set<string>()
  const add = (scope: string) => {
    if (!scopes.isPublic(scope)) return
    changed.add(scope)
    if (graph.drafts.has(scope)) changed.add(draftScope(scope))
  }
  for (const referrer of graph.referrers(slug)) add(referrer)
  if (scopes.isPublic(slug)) {
    if (collection.versions?.drafts) {
      changed.add(draftScope(slug))
      if (doc?._status === 'published') changed.add(slug)
    } else changed.add(slug)
  }
  await bumpScopes(req, [...changed])
  return doc
}

/** Globals: every save is live, unless the global has drafts (then as for collections). */
const afterGlobalChange: GlobalAfterChangeHook = async ({ doc, global, req }) => {
  if (!(await publicScopes(req.payload)).isPublic(global.slug)) return doc
  if (!global.versions?.drafts) await bumpScopes(req, [global.slug])
  else
    await bumpScopes(req, [
      draftScope(global.slug),
      ...(doc?._status === 'published' ? [global.slug] : []),
    ])
  return doc
}

/**
 * Every committed change an anonymous reader can see — publish, unpublish, delete, an
 * edit of published content, a scheduled job doing one of these, a global change —
 * writes a new token for the collection or global it changed, in the change's own
 * transaction; the response cache (src/http/responseCache/) drops exactly the answers
 * that depend on it. Draft saves, autosaves, logins, users, the audit log, download
 * statistics and Payload's bookkeeping write none (see ./scopes.ts).
 */
export const contentVersion: Plugin = (config) => ({
  ...config,
  collections: [
    ...(config.collections ?? []).map((collection) => ({
      ...collection,
      hooks: {
        ...collection.hooks,
        ...(collection.versions &&
        typeof collection.versions === 'object' &&
        collection.versions.drafts
          ? { beforeChange: [...(collection.hooks?.beforeChange ?? []), rememberLive] }
          : {}),
        afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
        afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
      },
    })),
    ContentVersions,
  ],
  globals: (config.globals ?? []).map((global) => ({
    ...global,
    hooks: {
      ...global.hooks,
      afterChange: [...(global.hooks?.afterChange ?? []), afterGlobalChange],
    },
  })),
  onInit: async (payload) => {
    // Before anything else can change content: a change needs its scope's row.
    await ensureScopeRows(payload)
    await config.onInit?.(payload)
  },
})
