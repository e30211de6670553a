import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  Plugin,
} from 'payload'

import { ContentVersion } from './ContentVersion'
import { bumpContentVersion, ensureContentVersion } from './token'

/**
 * Collections whose changes can never alter an anonymous response: Payload's own
 * bookkeeping (preferences change on every click in the admin, jobs every run)
 * and the admins-only audit log.
 */
const internal = (slug: string): boolean => slug.startsWith('payload-') || slug === 'audit-log'

const afterChange: CollectionAfterChangeHook = async ({ req }) => {
  await bumpContentVersion(req)
}
const afterDelete: CollectionAfterDeleteHook = async ({ req }) => {
  await bumpContentVersion(req)
}
const afterGlobalChange: GlobalAfterChangeHook = async ({ req }) => {
  await bumpContentVersion(req)
}

/**
 * Every committed change of content (create, update, publish, unpublish, delete,
 * scheduled jobs, globals) writes a new content version token in its own
 * transaction; the response cache (src/http/responseCache/) keys on it.
 */
export const contentVersion: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) =>
    internal(collection.slug)
      ? collection
      : {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
          },
        },
  ),
  globals: [
    ...(config.globals ?? []).map((global) => ({
      ...global,
      hooks: {
        ...global.hooks,
        afterChange: [...(global.hooks?.afterChange ?? []), afterGlobalChange],
      },
    })),
    ContentVersion,
  ],
  onInit: async (payload) => {
    await config.onInit?.(payload)
    await ensureContentVersion(payload)
  },
})
