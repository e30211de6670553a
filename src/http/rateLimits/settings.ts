import { countFromEnv, intFromEnv } from '../../utilities/env'

/**
 * Every per-client limit in one place (issue 10), each configurable in .env.example.
 * `RATE_LIMITS=false` turns them off (the test suite does, except the tests of them).
 * Counts are per window; a client over a limit gets 429 with Retry-After.
 */
export const rateLimitSettings = () => ({
  enabled: process.env.RATE_LIMITS !== 'false',
  /** Login, forgot-password, first-register, reset-password, unlock: per client address… */
  authPerAddress: {
    points: intFromEnv('RATE_LIMIT_AUTH_PER_ADDRESS', 30),
    duration: intFromEnv('RATE_LIMIT_AUTH_WINDOW_SECONDS', 900),
  },
  /** …and per account (the e-mail address asked for, whether it exists or not). */
  authPerAccount: {
    points: intFromEnv('RATE_LIMIT_AUTH_PER_ACCOUNT', 10),
    duration: intFromEnv('RATE_LIMIT_AUTH_WINDOW_SECONDS', 900),
  },
  /** API writes (POST/PATCH/PUT/DELETE) per client address per minute. */
  writesPerAddress: { points: intFromEnv('RATE_LIMIT_WRITES_PER_MINUTE', 600), duration: 60 },
  /** API reads that reach Payload (not answered from the cache) per client address per minute. */
  readsPerAddress: { points: intFromEnv('RATE_LIMIT_READS_PER_MINUTE', 3000), duration: 60 },
  /**
   * Failed logins and the other auth answers take at least this long, so an unknown
   * account cannot be told from an existing one by the time the answer takes.
   */
  authMinimumMs: countFromEnv('AUTH_MIN_RESPONSE_MS', 400),
})
