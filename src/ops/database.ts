import fs from 'node:fs'
import path from 'node:path'

import Database from 'libsql'
import pg from 'pg'

import { databaseKind, type DatabaseKind } from '../database/uri'
import { UPLOAD_FOLDERS, type UploadCollection } from '../storage/folders'
import { libpqEnv, pgTool, run } from './pgTools'

/** Rows per table and the upload keys (`<folder>/<file>`) the documents refer to. */
export type DatabaseContents = { tables: Record<string, number>; files: string[] }

/** Columns holding a stored file's name: `filename` and each image size's (`sizes_card_filename`). */
const isFileColumn = (column: string) => column === 'filename' || /^sizes_.+_filename$/.test(column)

const UPLOAD_TABLES = Object.keys(UPLOAD_FOLDERS) as UploadCollection[]

type Query = (sql: string) => Promise<Record<string, unknown>[]>

/** What a database holds, read through `query` (one consistent snapshot is the caller's job). */
const contents = async (
  tables: string[],
  columnsOf: (table: string) => Promise<string[]>,
  query: Query,
  quote: (name: string) => string,
): Promise<DatabaseContents> => {
  const counts: Record<string, number> = {}
  for (const table of tables) {
    counts[table] = Number((await query(`SELECT count(*) AS n FROM ${quote(table)}`))[0]!.n)
  }
  const files = new Set<string>()
  for (const table of UPLOAD_TABLES.filter((name) => tables.includes(name))) {
    for (const column of (await columnsOf(table)).filter(isFileColumn)) {
      for (const row of await query(
        `SELECT ${quote(column)} AS f FROM ${quote(table)} WHERE ${quote(column)} IS NOT NULL`,
      )) {
        files.add(`${UPLOAD_FOLDERS[table]}/${String(row.f)}`)
      }
    }
  }
  return { tables: counts, files: [...files].sort() }
}

const pgQuote = (name: string) => `"${name.replace(/"/g, '""')}"`
const sqliteQuote = pgQuote

const postgresContents = (client: pg.Client): Promise<DatabaseContents> => {
  const query: Query = async (sql) => (await client.query(sql)).rows
  return (async () => {
    const tables = (
      await query(
        `SELECT table_name AS t FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      )
    ).map((row) => String(row.t))
    const columnsOf = async (table: string) =>
      (
        await client.query(
          `SELECT column_name AS c FROM information_schema.columns
           WHERE table_schema = 'public' AND table_name = $1`,
          [table],
        )
      ).rows.map((row) => String(row.c))
    return contents(tables, columnsOf, query, pgQuote)
  })()
}

const sqliteContents = (db: Database.Database): Promise<DatabaseContents> => {
  const query: Query = async (sql) => db.prepare(sql).all() as Record<string, unknown>[]
  const tables = (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1`,
      )
      .all() as { name: string }[]
  ).map((row) => row.name)
  const columnsOf = async (table: string) =>
    (db.prepare(`PRAGMA table_info(${sqliteQuote(table)})`).all() as { name: string }[]).map(
      (row) => row.name,
    )
  return contents(tables, columnsOf, query, sqliteQuote)
}

export const sqliteFile = (uri: string): string =>
  path.resolve(uri.replace(/^file:(\/\/)?/, '').split('?')[0] ?? '')

const serverMajor = async (client: pg.Client): Promise<number> =>
  Math.floor(
    Number((await client.query('SHOW server_version_num')).rows[0].server_version_num) / 10000,
  )

/**
 * A consistent snapshot of the database into `dir`: Postgres with pg_dump (custom
 * format) inside an exported snapshot, SQLite with VACUUM INTO (an online copy; the
 * server may go on writing). The row counts and file references come from the very
 * same snapshot. Returns the file written and what it holds.
 */
export const snapshotDatabase = async (
  uri: string,
  dir: string,
): Promise<{ kind: DatabaseKind; file: string } & DatabaseContents> => {
  const kind = databaseKind(uri)
  if (kind === 'postgres') {
    const client = new pg.Client({ connectionString: uri })
    await client.connect()
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const { snapshot } = (await client.query('SELECT pg_export_snapshot() AS snapshot')).rows[0]
      const file = path.join(dir, 'database.pgdump')
      const pgDump = await pgTool('pg_dump', await serverMajor(client))
      // While this transaction stays open, pg_dump sees exactly its snapshot.
      await run(
        pgDump,
        [
          '--format=custom',
          `--snapshot=${snapshot}`,
          '--no-owner',
          '--no-privileges',
          `--file=${file}`,
        ],
        libpqEnv(uri),
      )
      const held = await postgresContents(client)
      await client.query('COMMIT')
      return { kind, file, ...held }
    } finally {
      await client.end()
    }
  }
  if (kind === 'sqlite') {
    const file = path.join(dir, 'database.sqlite')
    const source = new Database(sqliteFile(uri))
    try {
      source.prepare('VACUUM INTO ?').run(file)
    } finally {
      source.close()
    }
    const copy = new Database(file, { readonly: true })
    try {
      return { kind, file, ...(await sqliteContents(copy)) }
    } finally {
      copy.close()
    }
  }
  throw new Error('Backups cover SQLite and Postgres; for MongoDB use mongodump')
}

/** What the database at `uri` holds now (for the emptiness check and after a restore). */
export const readContents = async (uri: string): Promise<DatabaseContents> => {
  const kind = databaseKind(uri)
  if (kind === 'postgres') {
    const client = new pg.Client({ connectionString: uri })
    await client.connect()
    try {
      return await postgresContents(client)
    } finally {
      await client.end()
    }
  }
  const file = sqliteFile(uri)
  if (!fs.existsSync(file)) return { tables: {}, files: [] }
  const db = new Database(file, { readonly: true })
  try {
    return await sqliteContents(db)
  } finally {
    db.close()
  }
}

/**
 * Puts a snapshot into the database at `uri`, which must be empty unless `force`
 * (then everything in it is dropped first). Postgres: pg_restore into the public
 * schema; SQLite: the file takes the database file's place.
 */
export const restoreDatabase = async (
  uri: string,
  kind: DatabaseKind,
  file: string,
  force: boolean,
): Promise<void> => {
  if (databaseKind(uri) !== kind)
    throw new Error(`The archive holds a ${kind} database; DATABASE_URI is ${databaseKind(uri)}`)
  if (kind === 'postgres') {
    const client = new pg.Client({ connectionString: uri })
    await client.connect()
    try {
      if (force) await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public')
      const pgRestore = await pgTool('pg_restore', await serverMajor(client))
      await run(
        pgRestore,
        [
          '--no-owner',
          '--no-privileges',
          '--exit-on-error',
          `--dbname=${libpqEnv(uri).PGDATABASE}`,
          file,
        ],
        libpqEnv(uri),
      )
    } finally {
      await client.end()
    }
    return
  }
  const target = sqliteFile(uri)
  await fs.promises.mkdir(path.dirname(target), { recursive: true })
  for (const suffix of ['', '-wal', '-shm']) await fs.promises.rm(target + suffix, { force: true })
  await fs.promises.copyFile(file, target)
}
