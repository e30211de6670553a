import type { Request, Response } from 'express'

import { stuckAfterMs, stuckConnections, watchDatabasePool } from '../lifecycle/databasePool'
import { isDraining } from '../lifecycle/draining'
import { eventLoopLimitMs, longestRecentStall } from '../lifecycle/eventLoop'
import type { Runtime } from '../runtime/bridge'

/**
 * Liveness (/healthz): should this process be replaced? Only for what a restart cures:
 * its event loop was blocked longer than LIVENESS_EVENT_LOOP_MAX_MS, or every database
 * connection it has is held by a transaction that does not finish
 * (LIVENESS_DB_STUCK_SECONDS). A database that is down or a process that is draining
 * stays live: restarting would not help (readiness says so instead).
 */
export const healthz =
  (runtime: () => Promise<Runtime> | undefined) =>
  async (_req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store')
    const problems: string[] = []
    const stall = longestRecentStall()
    if (stall > eventLoopLimitMs()) problems.push(`event loop blocked for ${stall} ms`)
    const started = runtime()
    const payload = started ? await settled(started) : undefined
    if (payload) {
      watchDatabasePool(payload)
      const pool = stuckConnections(payload)
      if (pool?.stuck)
        problems.push(
          `all ${pool.max} database connections held for more than ${stuckAfterMs() / 1000} s`,
        )
    }
    if (problems.length) {
      res.status(503).json({ status: 'unhealthy', reasons: problems })
      return
    }
    res.status(200).json({ status: 'ok' })
  }

/** The started runtime's Payload, or undefined while it is still starting. */
const settled = async (started: Promise<Runtime>) => {
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, 50))
  return (await Promise.race([started, timeout]))?.payload
}

/**
 * Readiness (/readyz): should a load balancer send requests here? Not while starting,
 * not while draining for shutdown, not when the database does not answer a query
 * within 3 s.
 */
export const readyz =
  (runtime: () => Promise<Runtime> | undefined) =>
  async (_req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store')
    if (isDraining()) {
      res.status(503).json({ status: 'draining', reason: 'shutting down' })
      return
    }
    const pending = runtime()
    if (!pending) {
      res.status(503).json({ status: 'unavailable', reason: 'Payload has not started yet' })
      return
    }
    try {
      const { payload } = await pending
      await withTimeout(payload.count({ collection: 'users', overrideAccess: true }), 3000)
      res.status(200).json({ status: 'ready', database: payload.db.name })
    } catch (error) {
      res
        .status(503)
        .json({ status: 'unavailable', reason: `database: ${(error as Error).message}` })
    }
  }

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
