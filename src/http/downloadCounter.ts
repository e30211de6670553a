import { lt, sql } from 'drizzle-orm'
import type { Payload } from 'payload'

import { draftScope } from '../contentVersion/scopes'
import { bumpScopesSoon } from '../contentVersion/token'
import { downloadCountRefreshSeconds } from '../utilities/env'

type Table = Record<string, any>
/** The parts of Payload's SQL adapters (SQLite, Postgres) used here. */
type SqlAdapter = { drizzle: any; tables: Record<string, Table>; tableNameMap: Map<string, string> }
/** The part of Payload's MongoDB adapter used here. */
type MongoAdapter = {
  collections: Record<
    string,
    {
      updateOne: (...args: unknown[]) => Promise<unknown>
      deleteMany: (...args: unknown[]) => Promise<unknown>
    }
  >
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The day in the Netherlands as YYYY-MM-DD (sorts and compares as text). */
export const dutchDay = (date: Date): string => DAY_FORMAT.format(date)

/** Days older than this are removed from the statistics. */
const KEEP_DAYS = 366
let prunedOn: string | undefined

/** Payload names a collection's table after its slug in snake_case (downloadStats → download_stats). */
const tableOf = (db: SqlAdapter, slug: string): Table => {
  const snake = slug
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase()
  const table = db.tables[db.tableNameMap.get(snake) ?? snake]
  if (!table) throw new Error(`no table for ${slug}`)
  return table
}

/**
 * One more download of a document: the counter on the document row and today's row
 * in the per-day statistics go up by one in the database itself (`count = count + 1`,
 * insert-or-increment), so simultaneous downloads are never lost, as they would be
 * with read-then-write. The stored day is all that is kept: nothing about the visitor.
 * Once a day, rows older than a year are removed.
 */
export const countDownload = async (
  payload: Payload,
  documentId: number | string,
  now = new Date(),
  times = 1,
): Promise<void> => {
  const day = dutchDay(now)
  const cutoff = dutchDay(new Date(now.getTime() - KEEP_DAYS * 24 * 60 * 60 * 1000))
  const prune = prunedOn !== day
  prunedOn = day

  if ('drizzle' in payload.db && (payload.db as unknown as SqlAdapter).drizzle) {
    const db = payload.db as unknown as SqlAdapter
    const documents = tableOf(db, 'documents')
    const stats = tableOf(db, 'downloadStats')
    const stamp = now.toISOString()
    await db.drizzle
      .update(documents)
      .set({ downloadCount: sql`coalesce(${documents.downloadCount}, 0) + ${times}` })
      .where(sql`${documents.id} = ${documentId}`)
    await db.drizzle
      .insert(stats)
      .values({ document: documentId, day, count: times, createdAt: stamp, updatedAt: stamp })
      .onConflictDoUpdate({
        target: [stats.document, stats.day],
        set: { count: sql`${stats.count} + ${times}`, updatedAt: stamp },
      })
    if (prune) await db.drizzle.delete(stats).where(lt(stats.day, cutoff))
    return
  }

  // MongoDB (wired, not covered by the tests): the same atomic increments with $inc.
  const { collections } = payload.db as unknown as MongoAdapter
  await collections.documents!.updateOne({ _id: documentId }, { $inc: { downloadCount: times } })
  await collections.downloadStats!.updateOne(
    { document: documentId, day },
    { $inc: { count: times }, $set: { updatedAt: now }, $setOnInsert: { createdAt: now } },
    { upsert: true },
  )
  if (prune) await collections.downloadStats!.deleteMany({ day: { $lt: cutoff } })
}

/** Downloads counted in memory since the last write, per document. */
const pending = new Map<number | string, number>()
let flushing: NodeJS.Timeout | undefined
const FLUSH_MS = 500

/**
 * Counts one download without a database write per download: counts are added up
 * in memory and written every half second, one statement pair per document. Under a
 * burst this is the difference between a write (and a commit) per request and a few
 * per second; at most half a second of counts is lost if the process dies.
 */
export const queueDownloadCount = (payload: Payload, documentId: number | string): void => {
  pending.set(documentId, (pending.get(documentId) ?? 0) + 1)
  flushing ??= setTimeout(() => {
    flushing = undefined
    void flushDownloadCounts(payload)
  }, FLUSH_MS)
}

const flushDownloadCounts = async (payload: Payload): Promise<void> => {
  const counts = [...pending]
  pending.clear()
  for (const [documentId, times] of counts) {
    try {
      await countDownload(payload, documentId, new Date(), times)
    } catch (error) {
      payload.logger.warn(
        { err: error, document: documentId, downloads: times },
        'downloads not counted',
      )
    }
  }
  // Cached API answers show the new counts within DOWNLOAD_COUNT_REFRESH_SECONDS; only
  // answers that can contain documents are refreshed.
  bumpScopesSoon(
    payload,
    ['documents', draftScope('documents')],
    downloadCountRefreshSeconds() * 1000,
  )
}
