import type { Plugin } from 'payload'

import { jobsConfig } from './config'
import { scheduleEndpoints } from './scheduleEndpoints'

const schedulesPublish = (versions: unknown): boolean => {
  const drafts = (versions as { drafts?: unknown } | undefined)?.drafts
  return Boolean(
    drafts &&
    typeof drafts === 'object' &&
    (drafts as { schedulePublish?: unknown }).schedulePublish,
  )
}

/**
 * Scheduled publish/unpublish: the in-process job runner (see ./config) plus the
 * REST schedule endpoints on every collection whose drafts allow `schedulePublish`.
 */
export const scheduling: Plugin = (config) => ({
  ...config,
  jobs: { ...jobsConfig(), ...config.jobs },
  collections: config.collections?.map((collection) =>
    schedulesPublish(collection.versions)
      ? {
          ...collection,
          endpoints: [...(collection.endpoints || []), ...scheduleEndpoints(collection.slug)],
        }
      : collection,
  ),
})
