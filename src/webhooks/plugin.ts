import type { Plugin } from 'payload'

import { revalidateWebhookTask } from './deliverTask'
import {
  rememberLiveDocument,
  webhookAfterChange,
  webhookAfterDelete,
  webhookGlobalAfterChange,
} from './hooks'
import { assertWebhookSettings } from './targets'

/** Content a frontend renders and caches; media and users are not pages of their own. */
const COLLECTIONS = ['pages', 'projects', 'documents', 'animations']
const GLOBALS = ['site', 'navigation', 'programme']

/**
 * Revalidation webhooks: a signed POST to every URL in REVALIDATE_WEBHOOKS when content
 * is published, unpublished or deleted (also by a scheduled job), and when a global
 * changes. Their queues are polled by the job runner (src/jobs/runner.ts, see
 * ./queues.ts). The task is always registered so the database schema does not depend on
 * the environment; without targets the hooks return at once and nothing is polled.
 */
export const revalidationWebhooks: Plugin = (config) => {
  assertWebhookSettings()
  return {
    ...config,
    jobs: {
      ...config.jobs,
      tasks: [...(config.jobs?.tasks ?? []), revalidateWebhookTask],
    },
    collections: config.collections?.map((collection) =>
      COLLECTIONS.includes(collection.slug)
        ? {
            ...collection,
            hooks: {
              ...collection.hooks,
              beforeChange: [...(collection.hooks?.beforeChange ?? []), rememberLiveDocument],
              afterChange: [...(collection.hooks?.afterChange ?? []), webhookAfterChange],
              afterDelete: [...(collection.hooks?.afterDelete ?? []), webhookAfterDelete],
            },
          }
        : collection,
    ),
    globals: config.globals?.map((global) =>
      GLOBALS.includes(global.slug)
        ? {
            ...global,
            hooks: {
              ...global.hooks,
              afterChange: [...(global.hooks?.afterChange ?? []), webhookGlobalAfterChange],
            },
          }
        : global,
    ),
  }
}
