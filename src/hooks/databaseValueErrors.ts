import type { AfterErrorHook } from 'payload'

type Cause = Error & { code?: unknown; cause?: unknown }

/** SQLite (libsql) refuses to bind NaN, undefined or an object: a value from the request that makes no sense. */
const SQLITE_BIND = /Only finite numbers|cannot be passed as argument to the database|can only bind/
/** Postgres SQLSTATE class 22 ("data exception"): e.g. 22P02 "abc" for an integer, 22007 "notadate" for a date. */
const POSTGRES_DATA_EXCEPTION = /^22/

/**
 * What a `where` on the wrong kind of field makes the database refuse: `like`/`contains` on a
 * date, number or JSON column (Postgres 42883 "operator does not exist", 42804 datatype
 * mismatch), or SQL Payload builds broken from such a value (`ilike`/`not like` with an empty
 * operand made from a date value: Postgres 42601, SQLite "syntax error"; "datatype mismatch"). Only counted when the request has a `where`.
 */
const POSTGRES_WHERE_MISMATCH = /^(42883|42804|42P18|42601)$/
const SQLITE_WHERE_MISMATCH = /syntax error|datatype mismatch/

const isWhereMismatch = (error: unknown): boolean => {
  for (let current = error as Cause | undefined, hops = 0; current && hops < 5; current = current.cause as Cause, hops++) {
    if (typeof current.code === 'string' && POSTGRES_WHERE_MISMATCH.test(current.code)) return true
    // A text operator on a date column: the value becomes an invalid Date before the query.
    if (current instanceof RangeError && /Invalid time value/.test(current.message)) return true
    if (typeof current.message === 'string' && SQLITE_WHERE_MISMATCH.test(current.message) && /SQLITE|Sqlite/.test(`${current.name} ${current.message} ${String(current.code)}`)) return true
  }
  return false
}

const isValueError = (error: unknown): boolean => {
  for (let current = error as Cause | undefined, hops = 0; current && hops < 5; current = current.cause as Cause, hops++) {
    if (typeof current.code === 'string' && POSTGRES_DATA_EXCEPTION.test(current.code)) return true
    if (typeof current.message === 'string' && SQLITE_BIND.test(current.message)) return true
  }
  return false
}

/**
 * Payload checks that a `where` path exists, not that its value fits the column:
 * `where[id][in]=abc`, `where[createdAt][greater_than]=notadate` or an object
 * where a text is expected reach the database, which refuses the value. That is
 * the request's mistake, so it is a 400, not a 500. Connection failures and other
 * database errors have other causes and stay 500.
 */
export const databaseValueErrors: AfterErrorHook = ({ error, req }) => {
  if ((error as { status?: number }).status && (error as { status?: number }).status! < 500) return
  const hasWhere = (req?.query as Record<string, unknown> | undefined)?.where !== undefined
  if (!isValueError(error) && !(hasWhere && isWhereMismatch(error))) return
  return {
    status: 400,
    response: {
      errors: [{ message: 'Ongeldige waarde in de zoekopdracht of de gegevens. / Invalid value in the query or the data.' }],
    },
  }
}
