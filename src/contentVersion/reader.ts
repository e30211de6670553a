import Database from 'libsql'
import type { Payload } from 'payload'

import { databaseKind, databaseUri } from '../database/uri'
import { type VersionSnapshot, snapshotFromId, snapshotOf } from './snapshot'
import { readTokens } from './token'

/**
 * All scopes in one value (`scope=token;…` in scope order): the database builds the
 * snapshot's id, and the server parses it only when it changed.
 */
const SQLITE = `SELECT group_concat(scope || '=' || token || ';', '' ORDER BY scope) AS id FROM content_versions`
const POSTGRES = `SELECT string_agg(scope || '=' || token || ';', '' ORDER BY scope) AS id FROM content_versions`

type Row = { id: string | null }

/** A file path from `file:…` (libsql's URI form), without query parameters. */
const sqliteFile = (uri: string): string => uri.replace(/^file:(\/\/)?/, '').split('?')[0] ?? ''

/**
 * How the response cache reads the committed tokens of every scope, as cheaply as
 * each database allows: the check runs per burst of requests (that is what makes the
 * cache exact), so it must cost microseconds, not a full ORM query. All scopes in one
 * statement, so the snapshot is consistent.
 * - SQLite: a second, read-only connection with one prepared statement (synchronous,
 *   sees every committed transaction, also from other processes on the same file).
 * - Postgres: one pooled query, no ORM in between.
 * - Other adapters: Payload's own database call.
 */
export const versionSnapshotReader = (payload: Payload): (() => Promise<VersionSnapshot>) => {
  const uri = databaseUri()
  let last: VersionSnapshot | undefined
  const remember = (id: string | null | undefined) => (last = snapshotFromId(id ?? '', last))
  switch (databaseKind(uri)) {
    case 'sqlite': {
      const connection = new Database(sqliteFile(uri), { readonly: true })
      const statement = connection.prepare(SQLITE)
      return async () => remember((statement.get() as Row | undefined)?.id)
    }
    case 'postgres': {
      const pool = (
        payload.db as unknown as { pool: { query: (sql: string) => Promise<{ rows: Row[] }> } }
      ).pool
      return async () => remember((await pool.query(POSTGRES)).rows[0]?.id)
    }
    default:
      return async () => (last = snapshotOf(await readTokens(payload), last))
  }
}

const readers = new WeakMap<Payload, () => Promise<VersionSnapshot>>()

/** The committed snapshot now, with one reader per Payload instance. */
export const currentVersions = (payload: Payload): Promise<VersionSnapshot> => {
  let reader = readers.get(payload)
  if (!reader) {
    reader = versionSnapshotReader(payload)
    readers.set(payload, reader)
  }
  return reader()
}
