import { JobCancelledError, type TaskConfig } from 'payload'

import type { RevalidationEvent } from './event'
import { DELIVERY_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature'
import { webhookSecret } from './targets'

export const WEBHOOK_TASK = 'revalidateWebhook'

/** One attempt may take this long (connect, send, response headers) before it counts as failed. */
const ATTEMPT_TIMEOUT_MS = 5_000
/** 1 attempt + 3 retries, 2 s, 4 s and 8 s apart: a receiver that restarts is caught up within ~15 s. */
const RETRIES = 3
const FIRST_RETRY_DELAY_MS = 2_000

/**
 * `deliveryId` is made when the delivery is queued and sent as X-Koers-Delivery on every
 * attempt, from whichever node: a receiver drops a repeat by it (deliveries are at least
 * once: a node that dies after sending but before recording it leaves the job to another).
 */
type DeliveryInput = { url: string; event: RevalidationEvent; deliveryId?: string }

/** Worth another try: the receiver is down, overloaded or slow — not a refusal. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429

/**
 * Delivers one event to one URL. Each (event, URL) pair is its own job on that URL's
 * own queue (see ./queues), so a dead target is retried on its own. Throwing
 * lets Payload's job runner retry with backoff; after the last attempt the job stays
 * in `payload-jobs` with `hasError` (readable by beheerders) and the runner logs it.
 * A 4xx other than 408/429 is the receiver saying no: retrying would not change it.
 */
const deliver: TaskConfig<{
  input: DeliveryInput
  output: { status: number }
}>['handler'] = async ({ input, job, req }) => {
  const body = JSON.stringify(input.event)
  const signature = signatureHeader(body, webhookSecret(), Math.floor(Date.now() / 1000))
  const res = await fetch(input.url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'koers-cms-webhooks',
      [SIGNATURE_HEADER]: signature,
      // Deliveries queued before the id existed fall back to the job id (stable as well).
      [DELIVERY_HEADER]: input.deliveryId ?? String(job.id),
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
  })
  // Nothing in the answer matters beyond its status; free the connection.
  await res.body?.cancel().catch(() => undefined)
  if (res.ok) return { output: { status: res.status } }
  const problem = `webhook ${input.url} answered ${res.status} to ${input.event.event} ${input.event.collection ?? input.event.global}/${input.event.id ?? ''}`
  if (retryable(res.status)) throw new Error(problem)
  req.payload.logger.error({ msg: `${problem}; not retried`, job: job.id })
  throw new JobCancelledError(`${problem}; not retried`)
}

export const revalidateWebhookTask: TaskConfig<{
  input: DeliveryInput
  output: { status: number }
}> = {
  slug: WEBHOOK_TASK,
  label: 'Revalidation webhook',
  inputSchema: [
    { name: 'url', type: 'text', required: true },
    { name: 'event', type: 'json', required: true },
    { name: 'deliveryId', type: 'text' },
  ],
  outputSchema: [{ name: 'status', type: 'number' }],
  retries: { attempts: RETRIES, backoff: { type: 'exponential', delay: FIRST_RETRY_DELAY_MS } },
  handler: deliver,
}
