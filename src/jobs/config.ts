import type { Config } from 'payload'

import { isAdmin } from '../access/roles'

import { intFromEnv } from '../utilities/env'
import { leaseFields } from './leaseFields'

/** A queue the runner (./runner.ts) polls: how often, and how many jobs per claim. */
export type QueueSchedule = { queue: string; intervalMs: number; limit: number }

/**
 * Scheduled publish/unpublish run on the `default` queue, every JOBS_INTERVAL_SECONDS
 * (default 10) on every node that runs jobs (JOBS_AUTORUN, default true).
 */
export const defaultQueue = (): QueueSchedule => ({
  queue: 'default',
  intervalMs: intFromEnv('JOBS_INTERVAL_SECONDS', 10) * 1000,
  limit: 20,
})

export const jobsRunOnThisNode = (): boolean => process.env.JOBS_AUTORUN !== 'false'

/** How long a claimed job stays a node's own without a renewal (JOBS_LEASE_SECONDS, default 60). */
export const jobLeaseSeconds = (): number => intFromEnv('JOBS_LEASE_SECONDS', 60)

/**
 * Payload's job queue holds scheduled publish/unpublish and webhook deliveries. Payload's
 * own cron runner is not used (no `autoRun`): it claims jobs with a find followed by an
 * update, so two nodes on one database run a job twice. The project's runner
 * (./runner.ts) claims atomically and runs the claimed job with Payload's own task
 * machinery (retries, logs, deletion on completion).
 */
export const jobsConfig = (): NonNullable<Config['jobs']> => ({
  access: {
    // Queueing and cancelling happen through the schedule endpoints and the admin,
    // which check the document's own update access first.
    queue: ({ req }) => Boolean(req.user),
    cancel: ({ req }) => Boolean(req.user),
    // GET /api/payload-jobs/run would run jobs with Payload's non-atomic claim beside
    // the runner (a job could run twice): closed. The runner is the only way jobs run.
    run: () => false,
  },
  // The jobs collection holds who scheduled what; it is never public. Writes only
  // go through the job system, never through the REST/GraphQL collection API.
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
    ...defaultJobsCollection,
    fields: [...defaultJobsCollection.fields, ...leaseFields],
    access: {
      ...defaultJobsCollection.access,
      create: () => false,
      read: ({ req }) => isAdmin(req.user),
      update: () => false,
      delete: () => false,
    },
  }),
})
