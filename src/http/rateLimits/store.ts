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
export const createLimiter = (payload: Payload, name: string, options: IRateLimiterOptions): RateLimiterAbstract => {
  const insuranceLimiter = new RateLimiterMemory(options)
  const redis = redisClient()
  if (redis) {
    return new RateLimiterRedis({ ...options, storeClient: redis, keyPrefix: `${redisKeyPrefix()}rl:${name}`, insuranceLimiter })
  }
  const pool = (payload.db as { pool?: unknown }).pool
  if (payload.db.name === 'postgres' && pool) {
    return new RateLimiterPostgres(
      { ...options, storeClient: pool, storeType: 'pool', tableName: `rate_limits_${name.replace(/\W/g, '_')}`, insuranceLimiter },
      (error?: Error) => {
        if (error) payload.logger.warn(`Rate limits (${name}) in Postgres unavailable: ${error.message}; counting in memory`)
      },
    )
  }
  return insuranceLimiter
}
