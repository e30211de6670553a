import { lt, sql } from 'drizzle-orm'
import type { Payload } from 'payload'

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
  const snake = slug.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase()
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
      .set({ downloadCount: sql`coalesce(${documents.downloadCount}, 0) + 1` })
      .where(sql`${documents.id} = ${documentId}`)
    await db.drizzle
      .insert(stats)
      .values({ document: documentId, day, count: 1, createdAt: stamp, updatedAt: stamp })
      .onConflictDoUpdate({
        target: [stats.document, stats.day],
        set: { count: sql`${stats.count} + 1`, updatedAt: stamp },
      })
    if (prune) await db.drizzle.delete(stats).where(lt(stats.day, cutoff))
    return
  }

  // MongoDB (wired, not covered by the tests): the same atomic increments with $inc.
  const { collections } = payload.db as unknown as MongoAdapter
  await collections.documents!.updateOne({ _id: documentId }, { $inc: { downloadCount: 1 } })
  await collections.downloadStats!.updateOne(
    { document: documentId, day },
    { $inc: { count: 1 }, $set: { updatedAt: now }, $setOnInsert: { createdAt: now } },
    { upsert: true },
  )
  if (prune) await collections.downloadStats!.deleteMany({ day: { $lt: cutoff } })
}
