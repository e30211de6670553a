import crypto from 'node:crypto'

import type { QueueSchedule } from '../jobs/config'
import { intFromEnv } from '../utilities/env'
import { webhookTargets } from './targets'

/**
 * Every target URL has a job queue of its own, named after a hash of the URL (the URL
 * itself may hold a token). A poll of a queue waits for its slowest delivery (up to
 * the 5 s attempt timeout), so one queue per target keeps a slow or dead receiver from
 * delaying the others, and all of them apart from scheduled publishing (queue
 * `default`). A URL removed from REVALIDATE_WEBHOOKS has no runner any more: its
 * pending deliveries stay unsent, as they should.
 */
export const queueForTarget = (url: string): string =>
  `webhooks-${crypto.createHash('sha256').update(url).digest('hex').slice(0, 12)}`

/**
 * One queue per target, polled every REVALIDATE_WEBHOOK_INTERVAL_SECONDS (default 1) by
 * every node that runs jobs: a delivery leaves about a second after its change commits.
 * Nothing is polled when no targets are configured.
 */
export const webhookQueues = (): QueueSchedule[] => {
  const intervalMs = intFromEnv('REVALIDATE_WEBHOOK_INTERVAL_SECONDS', 1) * 1000
  return webhookTargets().map((url) => ({ queue: queueForTarget(url), intervalMs, limit: 50 }))
}
