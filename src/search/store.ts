import { sql, type SQL } from 'drizzle-orm'
import type { Payload, PayloadRequest } from 'payload'

import { fold, stemmedText } from './text'

/**
 * The search index: one row per published document and locale, in the database itself.
 * Postgres: a table with a `tsvector` (configuration `dutch`: Snowball stemming and
 * stopwords) under a GIN index, ranked by `ts_rank_cd`. SQLite: an FTS5 table over
 * stems made here (./text.ts), ranked by `bm25`. Both hold diacritic-folded text, and
 * both are written through the change's own transaction (`req`), so a rolled-back
 * change leaves the index as it was and an unpublish is gone from it at commit.
 */
export type IndexRow = {
  collection: string
  docId: string
  locale: string
  slug: string | null
  url: string | null
  title: string
  body: string
  fileText: string
  fileType: string | null
  fileSize: number | null
}

export type Hit = Omit<IndexRow, 'locale'> & { rank: number }

type Drizzle = {
  execute?: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }>
  all?: (query: SQL) => Promise<Record<string, unknown>[]>
  run?: (query: SQL) => Promise<unknown>
}
type SqlAdapter = { name: string; drizzle?: Drizzle; sessions?: Record<string, { db: Drizzle }> }

const adapterOf = (payload: Payload): SqlAdapter => payload.db as unknown as SqlAdapter

export const searchSupported = (payload: Payload): boolean => Boolean(adapterOf(payload).drizzle)
const isPostgres = (payload: Payload): boolean => adapterOf(payload).name === 'postgres'

/** The change's transaction when there is one (Payload's own getTransaction rule), else the pool. */
const dbOf = async (payload: Payload, req?: Partial<PayloadRequest>): Promise<Drizzle> => {
  const adapter = adapterOf(payload)
  const id = req?.transactionID ? await req.transactionID : undefined
  return (id !== undefined && adapter.sessions?.[String(id)]?.db) || adapter.drizzle!
}

const rows = async (
  payload: Payload,
  query: SQL,
  req?: Partial<PayloadRequest>,
): Promise<Record<string, unknown>[]> => {
  const db = await dbOf(payload, req)
  return isPostgres(payload) ? (await db.execute!(query)).rows : await db.all!(query)
}

const run = async (payload: Payload, query: SQL, req?: Partial<PayloadRequest>): Promise<void> => {
  const db = await dbOf(payload, req)
  if (isPostgres(payload)) await db.execute!(query)
  else await db.run!(query)
}

/** Creates the index when it is missing (at start; idempotent, safe with several nodes). */
export const ensureSearchIndex = async (payload: Payload): Promise<void> => {
  if (!searchSupported(payload)) return
  const statements = isPostgres(payload)
    ? [
        sql`CREATE TABLE IF NOT EXISTS search_index (
          collection text NOT NULL, doc_id text NOT NULL, locale text NOT NULL,
          slug text, url text, title text NOT NULL, body text NOT NULL, file_text text NOT NULL DEFAULT '',
          file_type text, file_size integer, tsv tsvector NOT NULL,
          PRIMARY KEY (collection, doc_id, locale))`,
        sql`CREATE INDEX IF NOT EXISTS search_index_tsv ON search_index USING gin (tsv)`,
      ]
    : [
        sql.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
          title_stems, body_stems,
          collection UNINDEXED, doc_id UNINDEXED, locale UNINDEXED, slug UNINDEXED, url UNINDEXED,
          title UNINDEXED, body UNINDEXED, file_text UNINDEXED, file_type UNINDEXED, file_size UNINDEXED,
          tokenize = 'unicode61 remove_diacritics 2')`),
      ]
  for (const statement of statements) {
    try {
      await run(payload, statement)
    } catch (error) {
      // Another node created it at the same moment (Postgres catalog race): fine if it exists now.
      if (!(await indexExists(payload))) throw error
    }
  }
}

const indexExists = async (payload: Payload): Promise<boolean> => {
  const query = isPostgres(payload)
    ? sql`SELECT 1 AS found FROM information_schema.tables WHERE table_name = 'search_index'`
    : sql`SELECT 1 AS found FROM sqlite_master WHERE name = 'search_index'`
  return (await rows(payload, query)).length > 0
}

/** The PDF text indexed for a document (kept when it changes without a new file). */
export const storedFileText = async (
  payload: Payload,
  collection: string,
  docId: string,
  req?: Partial<PayloadRequest>,
): Promise<string | undefined> => {
  const found = await rows(
    payload,
    sql`SELECT file_text FROM search_index WHERE collection = ${collection} AND doc_id = ${docId} LIMIT 1`,
    req,
  )
  return found.length ? String(found[0]!.file_text ?? '') : undefined
}

export const removeFromIndex = async (
  payload: Payload,
  collection: string,
  docId: string,
  req?: Partial<PayloadRequest>,
): Promise<void> => {
  await run(
    payload,
    sql`DELETE FROM search_index WHERE collection = ${collection} AND doc_id = ${docId}`,
    req,
  )
}

export const writeToIndex = async (
  payload: Payload,
  row: IndexRow,
  req?: Partial<PayloadRequest>,
): Promise<void> => {
  await run(
    payload,
    sql`DELETE FROM search_index WHERE collection = ${row.collection} AND doc_id = ${row.docId} AND locale = ${row.locale}`,
    req,
  )
  const body = [row.body, row.fileText].filter(Boolean).join('\n')
  if (isPostgres(payload)) {
    await run(
      payload,
      sql`INSERT INTO search_index (collection, doc_id, locale, slug, url, title, body, file_text, file_type, file_size, tsv)
        VALUES (${row.collection}, ${row.docId}, ${row.locale}, ${row.slug}, ${row.url}, ${row.title}, ${row.body}, ${row.fileText},
          ${row.fileType}, ${row.fileSize},
          setweight(to_tsvector('dutch', ${fold(row.title)}), 'A') || setweight(to_tsvector('dutch', ${fold(body)}), 'B'))`,
      req,
    )
  } else {
    await run(
      payload,
      sql`INSERT INTO search_index (title_stems, body_stems, collection, doc_id, locale, slug, url, title, body, file_text, file_type, file_size)
        VALUES (${stemmedText(row.title)}, ${stemmedText(body)}, ${row.collection}, ${row.docId}, ${row.locale}, ${row.slug},
          ${row.url}, ${row.title}, ${row.body}, ${row.fileText}, ${row.fileType}, ${row.fileSize})`,
      req,
    )
  }
}

export const clearIndex = async (payload: Payload): Promise<void> => {
  await run(payload, sql`DELETE FROM search_index`)
}

/** Ranked hits for already-folded query terms (every term must match, as a word prefix). */
export const queryIndex = async (
  payload: Payload,
  options: {
    terms: string[]
    stems: string[]
    collections: string[]
    locale: string
    limit: number
    offset: number
  },
): Promise<{ hits: Hit[]; total: number }> => {
  const collections = sql.join(
    options.collections.map((collection) => sql`${collection}`),
    sql`, `,
  )
  let matchRows: Record<string, unknown>[]
  let countRows: Record<string, unknown>[]
  if (isPostgres(payload)) {
    // to_tsquery stems each term with the dutch configuration; `:*` matches it as a prefix.
    const tsquery = options.terms.map((term) => `${term}:*`).join(' & ')
    const where = sql`tsv @@ to_tsquery('dutch', ${tsquery}) AND locale = ${options.locale} AND collection IN (${collections})`
    matchRows = await rows(
      payload,
      sql`SELECT collection, doc_id, slug, url, title, body, file_text, file_type, file_size,
            ts_rank_cd(tsv, to_tsquery('dutch', ${tsquery})) AS rank
          FROM search_index WHERE ${where}
          ORDER BY rank DESC, title ASC LIMIT ${options.limit} OFFSET ${options.offset}`,
    )
    countRows = await rows(payload, sql`SELECT count(*) AS total FROM search_index WHERE ${where}`)
  } else {
    const match = options.stems.map((stem) => `"${stem}"*`).join(' AND ')
    const where = sql`search_index MATCH ${match} AND locale = ${options.locale} AND collection IN (${collections})`
    matchRows = await rows(
      payload,
      sql`SELECT collection, doc_id, slug, url, title, body, file_text, file_type, file_size,
            -bm25(search_index, 10.0, 1.0) AS rank
          FROM search_index WHERE ${where}
          ORDER BY rank DESC, title ASC LIMIT ${options.limit} OFFSET ${options.offset}`,
    )
    countRows = await rows(payload, sql`SELECT count(*) AS total FROM search_index WHERE ${where}`)
  }
  return {
    total: Number(countRows[0]?.total ?? 0),
    hits: matchRows.map((row) => ({
      collection: String(row.collection),
      docId: String(row.doc_id),
      slug: (row.slug as string | null) ?? null,
      url: (row.url as string | null) ?? null,
      title: String(row.title ?? ''),
      body: String(row.body ?? ''),
      fileText: String(row.file_text ?? ''),
      fileType: (row.file_type as string | null) ?? null,
      fileSize:
        row.file_size === null || row.file_size === undefined ? null : Number(row.file_size),
      rank: Number(row.rank ?? 0),
    })),
  }
}
