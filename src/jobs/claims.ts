import { sql, type SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

/**
 * Atomic job claims on Payload's `payload_jobs` table, one SQL statement each.
 *
 * Postgres: one `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING id`.
 * The sub-select locks the rows it picks and skips rows another node is claiming at
 * that moment, so two nodes never get the same job and never wait for each other;
 * the statement commits at once, and from then on the lease (owner + expiry, in the
 * database's clock) says whose the job is. No lock or connection is held while a job
 * runs, so a long delivery cannot starve the pool, and a dead node's jobs come free
 * when its lease runs out.
 *
 * SQLite: the same UPDATE … RETURNING without SKIP LOCKED. SQLite runs one write
 * statement at a time for the whole file, so it is atomic as well; SQLite itself is
 * single-node (one machine, one file), see the README.
 */
type SqlAdapter = {
  name: string
  drizzle: {
    execute?: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }>
    all?: (query: SQL) => Promise<Record<string, unknown>[]>
    run?: (query: SQL) => Promise<unknown>
  }
}

const adapterOf = (payload: Payload): SqlAdapter => {
  const db = payload.db as unknown as SqlAdapter
  if (!db.drizzle) throw new Error('The job runner needs an SQL database (SQLite or Postgres)')
  return db
}

const isPostgres = (db: SqlAdapter) => db.name === 'postgres'

const rows = async (db: SqlAdapter, query: SQL): Promise<Record<string, unknown>[]> =>
  isPostgres(db) ? (await db.drizzle.execute!(query)).rows : await db.drizzle.all!(query)

/** Postgres measures leases in its own clock (no skew between nodes); SQLite is one machine. */
const now = (db: SqlAdapter): SQL =>
  isPostgres(db) ? sql`now()` : sql`${new Date().toISOString()}`

const expiry = (db: SqlAdapter, seconds: number): SQL =>
  isPostgres(db)
    ? sql`now() + ${sql.raw(`interval '${Math.max(1, Math.floor(seconds))} seconds'`)}`
    : sql`${new Date(Date.now() + seconds * 1000).toISOString()}`

const ids = (result: Record<string, unknown>[]) => result.map((row) => row.id as number | string)

/**
 * Claims up to `limit` due jobs of `queue` for `owner`: not completed, not failed for
 * good, waiting time over, and either not processing or processing under a lease that
 * ran out (its node died). Returns the claimed ids.
 */
export const claimJobs = async (
  payload: Payload,
  options: { queue: string; limit: number; owner: string; leaseSeconds: number },
): Promise<(number | string)[]> => {
  const db = adapterOf(payload)
  const { queue, limit, owner, leaseSeconds } = options
  const postgres = isPostgres(db)
  const [yes, no] = postgres ? [sql`true`, sql`false`] : [sql`1`, sql`0`]
  return ids(
    await rows(
      db,
      sql`UPDATE payload_jobs
        SET processing = ${yes}, lease_owner = ${owner},
            lease_expires_at = ${expiry(db, leaseSeconds)}, updated_at = ${now(db)}
        WHERE id IN (
          SELECT id FROM payload_jobs
          WHERE queue = ${queue}
            AND completed_at IS NULL
            AND coalesce(has_error, ${no}) = ${no}
            AND (coalesce(processing, ${no}) = ${no} OR lease_expires_at < ${now(db)})
            AND (wait_until IS NULL OR wait_until < ${now(db)})
          ORDER BY created_at
          LIMIT ${limit}
          ${postgres ? sql`FOR UPDATE SKIP LOCKED` : sql``})
        RETURNING id`,
    ),
  )
}

/** Extends the lease of the jobs this owner still holds; returns those it still holds. */
export const renewLeases = async (
  payload: Payload,
  options: { jobIds: (number | string)[]; owner: string; leaseSeconds: number },
): Promise<(number | string)[]> => {
  if (options.jobIds.length === 0) return []
  const db = adapterOf(payload)
  const list = sql.join(
    options.jobIds.map((id) => sql`${id}`),
    sql`, `,
  )
  return ids(
    await rows(
      db,
      sql`UPDATE payload_jobs SET lease_expires_at = ${expiry(db, options.leaseSeconds)}
        WHERE id IN (${list}) AND lease_owner = ${options.owner}
        RETURNING id`,
    ),
  )
}

/**
 * After a run: the job is done (deleted), waiting for a retry or failed for good;
 * either way it is no longer this owner's. Only the owner's own lease is cleared.
 */
export const clearLease = async (
  payload: Payload,
  options: { jobId: number | string; owner: string },
): Promise<void> => {
  const db = adapterOf(payload)
  await rows(
    db,
    sql`UPDATE payload_jobs SET lease_owner = NULL, lease_expires_at = NULL
      WHERE id = ${options.jobId} AND lease_owner = ${options.owner}
      RETURNING id`,
  )
}

/**
 * Gives back every unfinished job this owner holds (shutdown after the grace period):
 * not processing and without lease, so another node claims it at once instead of
 * after the lease.
 */
export const releaseClaims = async (payload: Payload, owner: string): Promise<number> => {
  const db = adapterOf(payload)
  const falsity = isPostgres(db) ? sql`false` : sql`0`
  return (
    await rows(
      db,
      sql`UPDATE payload_jobs SET processing = ${falsity}, lease_owner = NULL, lease_expires_at = NULL
        WHERE lease_owner = ${owner} AND completed_at IS NULL
        RETURNING id`,
    )
  ).length
}
