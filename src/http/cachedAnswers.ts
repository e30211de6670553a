import type { IncomingMessage, ServerResponse } from 'node:http'

import { hasCredentials, isFileUrl } from './api/anonymous'
import { graphqlCacheKey, restCacheKey } from './api/cacheKeys'
import { bodyHashOf } from './api/graphql'
import { readBody, keepBufferedBody } from './api/webRequest'
import type { ResponseCache } from './responseCache'
import { securityHeadersFor } from './securityHeaders'

/** GraphQL POST bodies up to this size are read here; larger ones go the normal way. */
const MAX_FAST_BODY = 64 * 1024

/**
 * The hot path of a burst: an anonymous read whose answer is cached is sent before
 * express routes the request (its middleware chain cost about a third of a cached
 * answer). Everything else — misses, credentials, files, the playground — returns
 * false and goes through express as usual; the cache's keys and headers are the
 * same either way (./api/cacheKeys.ts, ./securityHeaders.ts).
 */
export const cachedAnswers =
  (cache: ResponseCache | undefined) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = req.url ?? ''
    if (!cache || !url.startsWith('/api/') || hasCredentials(req)) return false
    const path = url.split('?')[0] ?? ''
    const { accept, origin } = req.headers
    let key: string
    if (path === '/api/graphql') {
      if (req.method === 'GET' || req.method === 'HEAD')
        key = graphqlCacheKey(url, '', accept, origin)
      else if (req.method === 'POST') {
        const length = Number(req.headers['content-length'])
        if (!(length > 0 && length <= MAX_FAST_BODY)) return false
        const body = await readBody(req, MAX_FAST_BODY)
        if (!body) return false
        keepBufferedBody(req, body)
        key = graphqlCacheKey(url, bodyHashOf(body), accept, origin)
      } else return false
    } else {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false
      if (path.startsWith('/api/graphql-playground') || isFileUrl(path.slice('/api'.length)))
        return false
      key = restCacheKey(url, origin)
    }
    return cache.answerIfCached(req, res, key, securityHeadersFor(req))
  }
