import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Counts the SQL statements one HTTP request makes, when DB_QUERY_COUNT=true: the
 * API answers with `X-DB-Queries`, so tests and the benchmark can see N+1
 * population. The store lives on globalThis because the database adapter runs in
 * Next's bundle and the HTTP routes in the server's.
 */
type Counter = { queries: number }

const KEY = Symbol.for('koers-en-kansen.query-count')
const holder = globalThis as { [KEY]?: AsyncLocalStorage<Counter> }
const storage = (holder[KEY] ??= new AsyncLocalStorage<Counter>())

// Read once: it is checked on every request.
const enabled = process.env.DB_QUERY_COUNT === 'true'
export const queryCountEnabled = (): boolean => enabled

/** Runs `work` with a fresh counter; `counter.queries` grows as it queries. */
export const countQueries = <T>(counter: Counter, work: () => T): T => storage.run(counter, work)

/** A drizzle logger that only counts (it never logs SQL or parameters). */
export const queryCountLogger = {
  logQuery: (): void => {
    const counter = storage.getStore()
    if (counter) counter.queries += 1
  },
}
