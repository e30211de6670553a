import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'

import { databaseKind, databaseUri } from './uri'

/** Any constant: the advisory lock "seeding this database" (Postgres). */
const SEED_LOCK_KEY = 7_220_261_202

/**
 * Runs `work` (starting Payload: migrations, then seeding an empty database) while
 * holding a lock that every process starting on the same database takes too (issue 10:
 * two processes on one empty database raced in the migrations and the seed, one failed
 * half-way). Postgres: a session advisory lock on a connection of its own. SQLite: a lock
 * file beside the database file (a process that died holding it is noticed by its pid).
 * MongoDB: no lock.
 */
export const withStartLock = async <T>(work: () => Promise<T>): Promise<T> => {
  const kind = databaseKind()
  if (kind === 'postgres') {
    const client = new pg.Client({ connectionString: databaseUri() })
    await client.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY])
      return await work()
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK_KEY]).catch(() => undefined)
      await client.end().catch(() => undefined)
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
