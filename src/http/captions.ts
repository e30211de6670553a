import type { Request, Response } from 'express'

import type { Runtime } from '../runtime/bridge'
import { sendError } from './errors'
import { requestUser } from './requestUser'

/**
 * GET /captions/:slug/:language.vtt — an animation's WebVTT track as a file, for a
 * `<track src>` on the frontend. Same read rule as the animation itself.
 */
export const captions =
  (runtime: () => Promise<Runtime> | undefined) =>
  async (req: Request<{ slug: string; language: string }>, res: Response): Promise<void> => {
    const started = runtime()
    if (!started) return sendError(req, res, 503, 'serviceStarting')
    const { payload } = await started
    const user = await requestUser(payload, req)
    const found = await payload.find({
      collection: 'animations',
      where: { slug: { equals: String(req.params.slug) } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      user,
      select: { captions: true },
    })
    const track = found.docs[0]?.captions?.find((caption) => caption.language === req.params.language)
    if (!track?.vtt) return sendError(req, res, 404, 'captionsNotFound')
    res.setHeader('Content-Type', 'text/vtt; charset=utf-8')
    res.setHeader('Cache-Control', user ? 'private, no-store' : 'public, max-age=300, must-revalidate')
    res.send(track.vtt)
  }
