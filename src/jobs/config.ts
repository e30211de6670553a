import type { Config } from 'payload'

import { isAdmin } from '../access/roles'
import { intFromEnv } from '../utilities/env'

const DEFAULT_INTERVAL_SECONDS = 10

/**
 * Croner pattern (with seconds) for one runner tick every `seconds`: below a minute
 * it ticks on the second, otherwise on whole minutes (at most hourly), because a
 * six-field cron cannot express e.g. "every 90 s".
 */
export const cronForInterval = (seconds: number): string => {
  if (seconds < 60) return `*/${Math.max(1, Math.floor(seconds))} * * * * *`
  const minutes = Math.min(59, Math.max(1, Math.round(seconds / 60)))
  return `0 */${minutes} * * * *`
}

/**
 * Payload's job queue runs scheduled publish/unpublish inside the server process
 * (started with `getPayload({ cron: true })`): no separate worker. JOBS_AUTORUN=false
 * stops this process from running jobs (e.g. when a dedicated runner does it);
 * JOBS_INTERVAL_SECONDS sets how often due jobs are picked up (default 10).
 */
export const jobsConfig = (): NonNullable<Config['jobs']> => ({
  autoRun: [
    {
      cron: cronForInterval(intFromEnv('JOBS_INTERVAL_SECONDS', DEFAULT_INTERVAL_SECONDS)),
      queue: 'default',
      limit: 20,
    },
  ],
  shouldAutoRun: () => process.env.JOBS_AUTORUN !== 'false',
  access: {
    // Queueing and cancelling happen through the schedule endpoints and the admin,
    // which check the document's own update access first.
    queue: ({ req }) => Boolean(req.user),
    cancel: ({ req }) => Boolean(req.user),
    // Triggering a run by hand (GET /api/payload-jobs/run) is an operations task.
    run: ({ req }) => isAdmin(req.user),
  },
  // The jobs collection holds who scheduled what; it is never public. Writes only
  // go through the job system, never through the REST/GraphQL collection API.
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
    ...defaultJobsCollection,
    access: {
      ...defaultJobsCollection.access,
      create: () => false,
      read: ({ req }) => isAdmin(req.user),
      update: () => false,
      delete: () => false,
    },
  }),
})
