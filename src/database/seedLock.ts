import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { databaseKind, databaseUri } from './uri'

/** Any constant: the advisory lock "seeding this database" (Postgres). */
const SEED_LOCK_KEY = 7_220_261_202

/**
 * Runs `work` while holding a lock that every process starting on the same database
 * takes too (issue 10: two processes seeding an empty database at once, one failed
 * half-way on a unique filename). Postgres: a session advisory lock on a connection of
 * its own. SQLite: a lock file beside the database file (a process that died holding it
 * is noticed by its pid). MongoDB: no lock.
 */
export const withSeedLock = async <T>(payload: Payload, work: () => Promise<T>): Promise<T> => {
  const kind = databaseKind()
  if (kind === 'postgres') {
    const pool = (payload.db as unknown as { pool?: { connect: () => Promise<PoolClient> } }).pool
    if (!pool) return work()
    const client = await pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY])
      return await work()
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK_KEY]).catch(() => undefined)
      client.release()
    }
  }
  if (kind === 'sqlite') {
    const file = databaseUri().replace(/^file:(\/\/)?/, '').split('?')[0]!
    const lock = `${path.resolve(file)}.seed-lock`
    await acquireFile(lock)
    try {
      return await work()
    } finally {
      fs.rmSync(lock, { force: true })
    }
  }
  return work()
}

type PoolClient = { query: (sql: string, values: unknown[]) => Promise<unknown>; release: () => void }

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const acquireFile = async (lock: string): Promise<void> => {
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' })
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = Number.parseInt(fs.readFileSync(lock, 'utf8').trim() || '0', 10)
    if (holder > 0 && !alive(holder)) fs.rmSync(lock, { force: true })
    else await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
