import type { Request, Response } from 'express'

import type { Runtime } from '../../runtime/bridge'
import type { ResponseCache } from '../responseCache'
import { isAnonymous } from './anonymous'
import { restCacheKey } from './cacheKeys'
import { sendWebResponse, toWebRequest } from './webRequest'

/** Upload bytes (/api/<collection>/file/<name>) stream from disk; they are not held in memory. */
export const isFileUrl = (path: string): boolean => /^\/[^/]+\/file\//.test(path)

/**
 * Payload's REST API, called directly. Anonymous GET/HEAD reads go through the
 * response cache; everything else (writes, logins, editors, previews) goes
 * straight to Payload and is marked private.
 */
export const restRoute =
  (api: Runtime['api'], cache: ResponseCache | undefined) =>
  async (req: Request, res: Response): Promise<void> => {
    const head = req.method === 'HEAD'
    // HEAD is answered like GET without a body (as Next did for these routes).
    const produce = () => api.rest(toWebRequest(req, { method: head ? 'GET' : undefined }))
    const anonymous = isAnonymous(req)
    if (cache && anonymous && (req.method === 'GET' || head) && !isFileUrl(req.path)) {
      const key = restCacheKey(req.originalUrl, req.headers.origin)
      return cache.serve(req, res, { key, produce })
    }
    const response = await produce()
    if (!anonymous && !response.headers.has('cache-control'))
      res.setHeader('Cache-Control', 'private, no-store')
    await sendWebResponse(res, response, head)
  }
