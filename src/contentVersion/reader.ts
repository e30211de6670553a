import Database from 'libsql'
import type { Payload } from 'payload'

import { databaseKind, databaseUri } from '../database/uri'
import { readContentVersion } from './token'

const SQL = 'SELECT token FROM content_version LIMIT 1'

/** A file path from `file:…` (libsql's URI form), without query parameters. */
const sqliteFile = (uri: string): string => uri.replace(/^file:(\/\/)?/, '').split('?')[0] ?? ''

/**
 * How the response cache reads the committed content version on every request,
 * as cheaply as each database allows: the check must run per request (that is what
 * makes the cache exact), so it must cost microseconds, not a full ORM query.
 * - SQLite: a second, read-only connection with one prepared statement (synchronous,
 *   sees every committed transaction, also from other processes on the same file).
 * - Postgres: one pooled query, no ORM in between.
 * - Other adapters: Payload's own database call.
 */
export const contentVersionReader = (payload: Payload): (() => Promise<string | undefined>) => {
  const uri = databaseUri()
  switch (databaseKind(uri)) {
    case 'sqlite': {
      const connection = new Database(sqliteFile(uri), { readonly: true })
      const statement = connection.prepare(SQL)
      return async () =>
        (statement.get() as { token?: string | null } | undefined)?.token ?? undefined
    }
    case 'postgres': {
      const pool = (
        payload.db as unknown as {
          pool: { query: (sql: string) => Promise<{ rows: { token: string | null }[] }> }
        }
      ).pool
      return async () => (await pool.query(SQL)).rows[0]?.token ?? undefined
    }
    default:
      return () => readContentVersion(payload)
  }
}

const readers = new WeakMap<Payload, () => Promise<string | undefined>>()

/** The committed content version now, with one reader per Payload instance. */
export const currentContentVersion = (payload: Payload): Promise<string | undefined> => {
  let reader = readers.get(payload)
  if (!reader) {
    reader = contentVersionReader(payload)
    readers.set(payload, reader)
  }
  return reader()
}
