/** Reads a positive integer from the environment, falling back when unset or malformed. */
export const intFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name]
  const value = raw ? Number.parseInt(raw, 10) : Number.NaN
  return Number.isFinite(value) && value > 0 ? value : fallback
}

/** Reads a whole number ≥ 0 (0 may mean "off"), falling back when unset or malformed. */
export const countFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name]
  const value = raw ? Number.parseInt(raw, 10) : Number.NaN
  return Number.isFinite(value) && value >= 0 ? value : fallback
}

export const mediaDir = (): string => process.env.MEDIA_DIR || './media'

/**
 * Largest upload: `MAX_UPLOAD_MB` megabytes (default 50). `UPLOAD_MAX_BYTES`, when
 * set, wins: an exact byte count, for tests and odd limits.
 */
export const uploadMaxBytes = (): number =>
  intFromEnv('UPLOAD_MAX_BYTES', intFromEnv('MAX_UPLOAD_MB', 50) * 1024 * 1024)

/**
 * How long browsers and CDNs may keep a public file before they revalidate it
 * (`FILE_CACHE_SECONDS`, default 300). Short, because the URLs are stable while the
 * file behind them can change or be unpublished; revalidating is a cheap 304.
 */
export const fileCacheSeconds = (): number => intFromEnv('FILE_CACHE_SECONDS', 300)

/**
 * Public files answered before express (src/http/publicFiles.ts): files up to
 * `FILE_MEMORY_MAX_KB` (default 256) are held in memory, within `FILE_MEMORY_MAX_MB`
 * (default 32) for all of them together; larger ones stream from the store.
 */
export const publicFileSettings = () => ({
  maxFileBytes: intFromEnv('FILE_MEMORY_MAX_KB', 256) * 1024,
  maxBytes: intFromEnv('FILE_MEMORY_MAX_MB', 32) * 1024 * 1024,
})

/** GraphQL limits: nesting depth (default 12) and Payload's complexity score (default 1000). */
export const graphqlMaxDepth = (): number => intFromEnv('GRAPHQL_MAX_DEPTH', 12)
export const graphqlMaxComplexity = (): number => intFromEnv('GRAPHQL_MAX_COMPLEXITY', 1000)
/**
 * The project's own GraphQL price per request (src/graphql/queryCost.ts: a root field
 * 100, a related document 20, any other field 1; default 5000), the most tokens a query
 * may have (default 10 000) and the wall-clock budget per request (default 15 s).
 */
export const graphqlMaxCost = (): number => intFromEnv('GRAPHQL_MAX_COST', 5000)
export const graphqlMaxTokens = (): number => intFromEnv('GRAPHQL_MAX_TOKENS', 10_000)
export const graphqlTimeoutMs = (): number => intFromEnv('GRAPHQL_TIMEOUT_MS', 15_000)

/**
 * The anonymous API response cache (src/http/responseCache/). Browsers revalidate
 * every time (cheap 304s); a CDN may keep an answer `API_CACHE_S_MAXAGE` seconds and
 * serve it stale while it revalidates for `API_CACHE_STALE_WHILE_REVALIDATE` more.
 */
export const apiCacheSettings = () => ({
  enabled: process.env.API_CACHE !== 'false',
  maxBytes: intFromEnv('API_CACHE_MAX_MB', 64) * 1024 * 1024,
  cacheControl: `public, max-age=0, s-maxage=${intFromEnv('API_CACHE_S_MAXAGE', 60)}, stale-while-revalidate=${intFromEnv('API_CACHE_STALE_WHILE_REVALIDATE', 300)}`,
  /** After a change, this many of the most-requested answers it made stale are recomputed (0: off). */
  warmCount: countFromEnv('API_CACHE_WARM', 20),
  /** How long an answer stays in Redis (the shared level, with REDIS_URL) at most. */
  redisTtlSeconds: intFromEnv('API_CACHE_REDIS_TTL_SECONDS', 24 * 60 * 60),
  /** Logs what warm-up did (diagnostics, tests). */
  debug: process.env.API_CACHE_DEBUG === 'true',
})

/** How stale a download count in a cached API answer may be (default 60 s). */
export const downloadCountRefreshSeconds = (): number => intFromEnv('DOWNLOAD_COUNT_REFRESH_SECONDS', 60)

/** How many API requests Payload works on at once; more wait in arrival order (default 4). */
export const apiConcurrency = (): number => intFromEnv('API_CONCURRENCY', 4)

/**
 * Request limits (issue 10): the largest JSON or GraphQL body (`API_BODY_MAX_KB`, default
 * 2048; uploads keep MAX_UPLOAD_MB), how long a client may take to send its headers
 * (`HEADERS_TIMEOUT_MS`, 10 s) and its whole request (`REQUEST_TIMEOUT_MS`, 120 s), and
 * the most pixels an uploaded image may have (`IMAGE_MAX_MEGAPIXELS`, 50).
 */
export const apiBodyMaxBytes = (): number => intFromEnv('API_BODY_MAX_KB', 2048) * 1024
export const headersTimeoutMs = (): number => intFromEnv('HEADERS_TIMEOUT_MS', 10_000)
export const requestTimeoutMs = (): number => intFromEnv('REQUEST_TIMEOUT_MS', 120_000)
export const imageMaxPixels = (): number => intFromEnv('IMAGE_MAX_MEGAPIXELS', 50) * 1_000_000
