import crypto from 'node:crypto'
import os from 'node:os'

import type { Payload } from 'payload'

import { claimJobs, clearLease, releaseClaims, renewLeases } from './claims'
import type { QueueSchedule } from './config'

export type JobRunner = {
  /** This node's name in `payload_jobs.lease_owner`: host, process id and a random part. */
  owner: string
  /** Jobs this node is running right now. */
  running: () => number
  /**
   * Stops claiming, waits up to `graceMs` for the running jobs to finish, then gives
   * back whatever is still unfinished so another node takes it over at once.
   */
  stop: (graceMs: number) => Promise<{ finished: boolean; released: number }>
}

/**
 * Runs Payload's jobs on every node, each job once: a node claims due jobs atomically
 * (./claims.ts), runs each claimed job with Payload's own machinery
 * (`payload.jobs.runByID`: its tasks, retries with backoff, job log, deletion when done)
 * and renews the lease while the job runs. A queue is polled every `intervalMs`, and at
 * once again while it returns full batches. A node that dies keeps its jobs only until
 * their lease runs out; then another node claims and runs them (at least once; the
 * webhook's delivery id lets a receiver drop the rare repeat).
 */
export const startJobRunner = (
  payload: Payload,
  options: { queues: QueueSchedule[]; leaseSeconds: number },
): JobRunner => {
  const owner = `${os.hostname()}/${process.pid}/${crypto.randomBytes(3).toString('hex')}`
  const { leaseSeconds } = options
  const running = new Map<number | string, Promise<void>>()
  const timers = new Set<NodeJS.Timeout>()
  let stopping = false

  const runOne = async (id: number | string): Promise<void> => {
    try {
      await payload.jobs.runByID({ id, overrideAccess: true, silent: { info: true } })
    } catch (error) {
      // The job stays claimed; its lease runs out and a node tries it again.
      payload.logger.error({ err: error, job: id }, 'job run failed')
    } finally {
      await clearLease(payload, { jobId: id, owner }).catch(() => undefined)
    }
  }

  const poll = async (schedule: QueueSchedule): Promise<void> => {
    if (stopping) return
    let claimed: (number | string)[] = []
    try {
      claimed = await claimJobs(payload, {
        queue: schedule.queue,
        limit: schedule.limit,
        owner,
        leaseSeconds,
      })
    } catch (error) {
      payload.logger.warn({ err: error, queue: schedule.queue }, 'jobs not claimed')
    }
    const batch = claimed.map((id) => {
      const work = runOne(id).finally(() => running.delete(id))
      running.set(id, work)
      return work
    })
    await Promise.all(batch)
    // A full batch means more may be due: go on at once.
    next(schedule, claimed.length >= schedule.limit ? 0 : schedule.intervalMs)
  }

  const next = (schedule: QueueSchedule, delay: number) => {
    if (stopping) return
    const timer = setTimeout(() => {
      timers.delete(timer)
      void poll(schedule)
    }, delay)
    timers.add(timer)
  }

  // Renewing at a third of the lease leaves two missed renewals before it runs out.
  const heartbeat = setInterval(
    () => {
      if (running.size === 0) return
      renewLeases(payload, { jobIds: [...running.keys()], owner, leaseSeconds })
        .then((held) => {
          if (held.length < running.size)
            payload.logger.warn(
              { owner, running: [...running.keys()], held },
              'a running job lost its lease (this node was too slow to renew): another node may run it too',
            )
        })
        .catch((error: unknown) => payload.logger.warn({ err: error }, 'job leases not renewed'))
    },
    Math.max(500, (leaseSeconds * 1000) / 3),
  )

  // Spread the first polls so several nodes started together do not poll in step.
  for (const schedule of options.queues) next(schedule, Math.floor(Math.random() * 500))

  return {
    owner,
    running: () => running.size,
    stop: async (graceMs) => {
      stopping = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      let finished = running.size === 0
      if (!finished) {
        let timeout: NodeJS.Timeout | undefined
        finished = await Promise.race([
          Promise.allSettled([...running.values()]).then(() => true),
          new Promise<boolean>((resolve) => {
            timeout = setTimeout(() => resolve(false), graceMs)
          }),
        ])
        clearTimeout(timeout)
      }
      clearInterval(heartbeat)
      const released = await releaseClaims(payload, owner).catch(() => 0)
      return { finished, released }
    },
  }
}
