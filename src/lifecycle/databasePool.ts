import type { EventEmitter } from 'node:events'

import type { Payload } from 'payload'

import { intFromEnv } from '../utilities/env'

/** The parts of node-postgres' pool (used by Payload's Postgres adapter) read here. */
type Pool = EventEmitter & {
  totalCount: number
  idleCount: number
  options: { max?: number }
}

/** When each watched pool last got a connection back. */
const lastReturn = new WeakMap<Pool, number>()

const watch = (pool: Pool): void => {
  if (lastReturn.has(pool)) return
  lastReturn.set(pool, Date.now())
  pool.on('release', () => lastReturn.set(pool, Date.now()))
  pool.on('remove', () => lastReturn.set(pool, Date.now()))
}

const poolOf = (payload: Payload): Pool | undefined => {
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  return pool && typeof pool.on === 'function' ? pool : undefined
}

/** Starts watching the Postgres pool's connections (no-op on other databases). */
export const watchDatabasePool = (payload: Payload): void => {
  const pool = poolOf(payload)
  if (pool) watch(pool)
}

/** A connection held this long is stuck (LIVENESS_DB_STUCK_SECONDS, default 60). */
export const stuckAfterMs = (): number => intFromEnv('LIVENESS_DB_STUCK_SECONDS', 60) * 1000

/**
 * Whether every connection this process may have is checked out and none has come
 * back for longer than `stuckAfterMs`: they are held by transactions that do not finish
 * (a leaked transaction, a lock that is never released). Such a process can never
 * answer a database request again; a restart gives the connections back. A database
 * that is down is different: its connections fail and go back at once, so it is not
 * "stuck" (readiness reports it instead).
 */
export const stuckConnections = (payload: Payload): { stuck: boolean; max: number } | undefined => {
  const pool = poolOf(payload)
  if (!pool) return undefined
  watch(pool)
  const max = pool.options.max ?? 10
  const full = pool.totalCount >= max && pool.idleCount === 0
  const quietFor = Date.now() - (lastReturn.get(pool) ?? Date.now())
  return { stuck: full && quietFor >= stuckAfterMs(), max }
}
