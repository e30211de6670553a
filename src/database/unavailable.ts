import type { Payload } from 'payload'

type Cause = Error & { code?: unknown; cause?: unknown; errors?: unknown; originalError?: unknown }

/** Postgres SQLSTATEs meaning "the server cannot serve now" (classes 08, 53, 57P). */
const POSTGRES_UNAVAILABLE = /^(08\w{3}|53\w{3}|57P0[1-4])$/
const NETWORK = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN)$/
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY)/
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|the database system is (starting up|shutting down|in recovery mode)|terminating connection|database is locked|connect ECONNREFUSED|Client was closed/i

/**
 * Whether an error (or one it was caused by) says the database cannot be reached or
 * cannot serve right now, as opposed to a query it refused: a reason to answer 503
 * (try again) rather than 500, 400 or 403.
 */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  const pending: unknown[] = [error]
  for (let visited = 0; pending.length > 0 && visited < 20; visited++) {
    const current = pending.shift() as Cause | undefined
    if (!current || typeof current !== 'object') continue
    const code = typeof current.code === 'string' ? current.code : ''
    if (POSTGRES_UNAVAILABLE.test(code) || NETWORK.test(code) || SQLITE_UNAVAILABLE.test(code)) return true
    if (typeof current.message === 'string' && MESSAGES.test(current.message)) return true
    // GraphQL wraps the resolver's error as `originalError`.
    pending.push(current.cause, current.originalError)
    if (Array.isArray(current.errors)) pending.push(...current.errors)
  }
  return false
}

/**
 * Does the database answer a trivial query within `ms`? Used after an answer of 401/403:
 * an access check or session lookup that failed on the database must not read as
 * "not allowed".
 */
export const databaseAnswers = async (payload: Payload, ms = 2000): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))
  const probe = payload
    .count({ collection: 'users', overrideAccess: true })
    .then(() => true)
    .catch((error: unknown) => !isDatabaseUnavailable(error))
  try {
    return await Promise.race([probe, timeout])
  } finally {
    clearTimeout(timer)
  }
}
