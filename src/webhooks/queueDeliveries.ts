import crypto from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { WEBHOOK_TASK } from './deliverTask'
import type { RevalidationEvent } from './event'
import { queueForTarget } from './queues'
import { webhookTargets } from './targets'

/**
 * Queues one delivery job per target with the change's own `req`: on Postgres the job
 * rows are written in the same transaction as the change, so they exist only once it
 * is committed — a receiver that refetches right away sees the new state, and a
 * rolled-back save sends nothing. The save itself never waits for a receiver.
 */
export const queueDeliveries = async (
  req: PayloadRequest,
  event: Omit<RevalidationEvent, 'locales' | 'occurredAt'>,
) => {
  const targets = webhookTargets()
  if (targets.length === 0) return
  const full: RevalidationEvent = {
    ...event,
    locales: req.payload.config.localization ? req.payload.config.localization.localeCodes : [],
    occurredAt: new Date().toISOString(),
  }
  for (const url of targets) {
    await req.payload.jobs.queue({
      task: WEBHOOK_TASK,
      queue: queueForTarget(url),
      input: { url, event: full, deliveryId: crypto.randomUUID() },
      req,
    })
  }
}
