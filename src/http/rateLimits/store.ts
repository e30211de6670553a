import type { Payload } from 'payload'
import {
  type IRateLimiterOptions,
  RateLimiterMemory,
  RateLimiterPostgres,
  type RateLimiterAbstract,
  RateLimiterRedis,
} from 'rate-limiter-flexible'

import { redisClient, redisKeyPrefix } from '../../utilities/redis'

/**
 * A limiter whose counters every server process shares: in Redis when REDIS_URL is set,
 * else in the Postgres database (a table `rate_limits_<name>` the library creates). The
 * embedded SQLite database serves one process, whose memory is then the shared place.
 * When the shared store fails, its in-memory insurance limiter counts meanwhile.
 */
export const createLimiter = (
  payload: Payload,
  name: string,
  options: IRateLimiterOptions,
): { limiter: RateLimiterAbstract; ready: Promise<void> } => {
  const insuranceLimiter = new RateLimiterMemory(options)
  const redis = redisClient()
  if (redis) {
    const limiter = new RateLimiterRedis({
      ...options,
      storeClient: redis,
      keyPrefix: `${redisKeyPrefix()}rl:${name}`,
      insuranceLimiter,
    })
    return { limiter, ready: Promise.resolve() }
  }
  const pool = (payload.db as { pool?: unknown }).pool
  if (payload.db.name === 'postgres' && pool) {
    let done: () => void = () => undefined
    // Its table is created first: counting before that would count in memory only.
    const ready = new Promise<void>((resolve) => (done = resolve))
    const limiter = new RateLimiterPostgres(
      {
        ...options,
        storeClient: pool,
        storeType: 'pool',
        tableName: `rate_limits_${name.replace(/\W/g, '_')}`,
        insuranceLimiter,
      },
      (error?: Error) => {
        if (error)
          payload.logger.warn(
            `Rate limits (${name}) in Postgres unavailable: ${error.message}; counting in memory`,
          )
        done()
      },
    )
    return { limiter, ready }
  }
  return { limiter: insuranceLimiter, ready: Promise.resolve() }
}
