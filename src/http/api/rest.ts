import type { ApiRoute } from './index'
import { hasCredentials, isAuthUrl, isFileUrl } from './anonymous'
import { restCacheKey } from './cacheKeys'
import { noFallbackOnWrite } from './noFallbackOnWrite'
import { detachedRequest, sendWebResponse, toWebRequest } from './webRequest'

/**
 * Payload's REST API, called directly. Anonymous GET/HEAD reads go through the
 * response cache; everything else (writes, logins, editors, previews) goes
 * straight to Payload and is marked private.
 */
export const restRoute: ApiRoute = async (req, res, api, cache, dependencies) => {
  const head = req.method === 'HEAD'
  const anonymous = !hasCredentials(req)
  // `/users/me`, `/users/init`…: an answer about the session, never shared (not by us, not by a CDN).
  const personal = isAuthUrl(req.path)
  if (cache && anonymous && !personal && (req.method === 'GET' || head) && !isFileUrl(req.path)) {
    const key = restCacheKey(req.originalUrl, req.headers.origin)
    // HEAD is answered like GET without a body (as Next did for these routes).
    const request = detachedRequest(req, { method: 'GET' })
    const search = new URL(req.originalUrl, 'http://localhost').searchParams
    return cache.serve(req, res, {
      key,
      dependsOn: dependencies.rest(req.path, search),
      produce: () => api.rest(request()),
    })
  }
  const response = await api.rest(
    toWebRequest(req, { method: head ? 'GET' : undefined, path: noFallbackOnWrite(req) }),
  )
  if ((!anonymous || personal) && !response.headers.has('cache-control'))
    res.setHeader('Cache-Control', 'private, no-store')
  await sendWebResponse(res, response, head)
}
