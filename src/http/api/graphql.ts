import crypto from 'node:crypto'

import { languageOf, messages } from '../../i18n/messages'
import { apiBodyMaxBytes } from '../../utilities/env'
import { sendError } from '../errors'
import type { ApiRoute } from './index'
import { hasCredentials } from './anonymous'
import { graphqlCacheKey } from './cacheKeys'
import { operationType } from './operationType'
import { resolvePersistedQuery } from './persistedQueries'
import {
  bufferedBody,
  detachedRequest,
  readBody,
  sendWebResponse,
  toWebRequest,
} from './webRequest'

/**
 * The key part of a POST body: its raw bytes hashed, never parsed or serialised again.
 * One-shot `crypto.hash` (same digest) is about 3× cheaper than a Hash object per request.
 */
export const bodyHashOf = (body: Buffer | undefined): string =>
  body ? crypto.hash('sha256', body, 'base64url') : ''


type Params = {
  query?: unknown
  operationName?: unknown
  extensions?: unknown
  [other: string]: unknown
}

const parseJson = (text: string | undefined): unknown => {
  if (text === undefined) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * /api/graphql over GET (cacheable URLs) and POST. Anonymous queries go through
 * the response cache; mutations, credentialed and preview requests never do.
 * Persisted queries are resolved here, before Payload sees the request.
 */
export const graphqlRoute: ApiRoute = async (req, res, api, cache, dependencies) => {
  const head = req.method === 'HEAD'
  if (req.method !== 'GET' && req.method !== 'POST' && !head) {
    res.setHeader('Allow', 'GET, HEAD, POST, OPTIONS')
    return sendError(req, res, 405, 'requestInvalid')
  }

  let body: Buffer | undefined
  let params: Params | undefined
  const url = new URL(req.originalUrl, 'http://localhost')
  if (req.method === 'POST') {
    // The fast path (src/http/cachedAnswers.ts) may have read it already.
    body = bufferedBody(req) ?? (await readBody(req, apiBodyMaxBytes()))
    if (!body) return sendError(req, res, 413, 'requestBodyTooLarge')
    const parsed = parseJson(body.toString('utf8'))
    params =
      parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Params)
        : undefined
  } else {
    params = {
      query: url.searchParams.get('query') ?? undefined,
      operationName: url.searchParams.get('operationName') ?? undefined,
      extensions: parseJson(url.searchParams.get('extensions') ?? undefined),
    }
  }

  let path: string | undefined
  if (params) {
    const lookup = resolvePersistedQuery(params.query, params.extensions)
    if ('error' in lookup) {
      const message = messages[lookup.error][languageOf(req.headers['accept-language'])]
      res.setHeader('Cache-Control', 'no-store')
      res.status(400).json({ errors: [{ message, extensions: { code: lookup.code } }] })
      return
    }
    if (lookup.query !== params.query) {
      params = { ...params, query: lookup.query }
      if (body) body = Buffer.from(JSON.stringify(params))
      else {
        url.searchParams.set('query', lookup.query ?? '')
        path = `${url.pathname}${url.search}`
      }
    }
  }

  const query = typeof params?.query === 'string' ? params.query : undefined
  const operationName = typeof params?.operationName === 'string' ? params.operationName : undefined
  const readOnly = query !== undefined && operationType(query, operationName) === 'query'
  const anonymous = !hasCredentials(req)
  if (!cache || !readOnly || !anonymous) {
    const response = await api.graphql(
      toWebRequest(req, { method: head ? 'GET' : undefined, body, path }),
    )
    if (!anonymous && !response.headers.has('cache-control')) {
      res.setHeader('Cache-Control', 'private, no-store')
    }
    return sendWebResponse(res, response, head)
  }

  const key = graphqlCacheKey(
    path ?? req.originalUrl,
    bodyHashOf(body),
    req.headers.accept,
    req.headers.origin,
  )
  // A result with errors (even beside data) is not kept: it may be transient.
  const keep = (entry: { identity: Buffer }) =>
    !entry.identity.subarray(0, 10).toString('utf8').startsWith('{"errors"')
  const request = detachedRequest(req, { method: head ? 'GET' : undefined, body, path })
  await cache.serve(req, res, {
    key,
    dependsOn: dependencies.graphql(query, operationName),
    produce: () => api.graphql(request()),
    keep,
  })
}
