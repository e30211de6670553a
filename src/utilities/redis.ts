import { Redis } from 'ioredis'

/**
 * The process's one Redis connection when `REDIS_URL` is set, else null. Used for
 * what several app nodes must share (rate-limit counters, the second-level response
 * cache). Redis is an accelerator, never a dependency: commands fail at once while it
 * is unreachable (no offline queue, one retry), the client reconnects in the
 * background, and an outage is logged once, not per command.
 *
 * Kept on globalThis: the express bundle and Next's server bundle each load this
 * module, and both must use the same connection.
 */
const KEY = Symbol.for('koers-en-kansen.redis')
type Holder = { [KEY]?: Redis | null }

export const redisClient = (): Redis | null => {
  const holder = globalThis as Holder
  if (holder[KEY] !== undefined) return holder[KEY]
  const url = process.env.REDIS_URL
  if (!url) return (holder[KEY] = null)
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    // Reconnect forever, at most every 2 s: Redis coming back must be noticed.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  })
  let down = false
  client.on('error', (error: Error) => {
    if (down) return
    down = true
    console.warn(`Redis (${redactedUrl(url)}) unreachable: ${error.message}; working without it until it is back`)
  })
  client.on('ready', () => {
    if (down) console.info(`Redis (${redactedUrl(url)}) reachable again`)
    down = false
  })
  return (holder[KEY] = client)
}

/**
 * What every key this server writes in Redis starts with (`REDIS_KEY_PREFIX`, default
 * `koers:`), so several installations or test runs can share one Redis.
 */
export const redisKeyPrefix = (): string => process.env.REDIS_KEY_PREFIX || 'koers:'

/** The URL without its password, for logs. */
const redactedUrl = (url: string): string => {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'REDIS_URL'
  }
}

/** Closes the connection (graceful shutdown, one-off commands). */
export const closeRedis = async (): Promise<void> => {
  const holder = globalThis as Holder
  const client = holder[KEY]
  holder[KEY] = undefined
  if (client) await client.quit().catch(() => client.disconnect())
}
