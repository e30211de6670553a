import type { EventEmitter } from 'node:events'

import type { Payload } from 'payload'

import { intFromEnv } from '../utilities/env'

/** The parts of node-postgres' pool (used by Payload's Postgres adapter) read here. */
type Pool = EventEmitter & { totalCount: number; options: { max?: number } }

const checkedOut = new WeakMap<Pool, Map<object, number>>()

const watch = (pool: Pool): Map<object, number> => {
  let clients = checkedOut.get(pool)
  if (clients) return clients
  const held = new Map<object, number>()
  clients = held
  checkedOut.set(pool, held)
  pool.on('acquire', (client: object) => held.set(client, Date.now()))
  pool.on('release', (_error: unknown, client: object) => held.delete(client))
  pool.on('remove', (client: object) => held.delete(client))
  return held
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
 * Whether every connection this process may have is checked out and has been for
 * longer than `stuckAfterMs`: held by transactions that do not finish (a leaked
 * transaction, a lock that is never released). Such a process can never answer a
 * database request again; a restart gives the connections back. A database that is
 * down is different: its connections fail and go back at once, so it is not "stuck"
 * (readiness reports it instead).
 */
export const stuckConnections = (
  payload: Payload,
): { stuck: boolean; held: number; max: number } | undefined => {
  const pool = poolOf(payload)
  if (!pool) return undefined
  const clients = watch(pool)
  const max = pool.options.max ?? 10
  const limit = stuckAfterMs()
  const now = Date.now()
  const held = [...clients.values()].filter((since) => now - since >= limit).length
  return { stuck: held >= max, held, max }
}
