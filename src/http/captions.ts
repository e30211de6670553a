import type { Request, Response } from 'express'

import { Readable } from 'node:stream'

import type { Runtime } from '../runtime/bridge'
import { hasCredentials } from './api/anonymous'
import { rememberPublicFile } from './publicFiles'
import type { PublicFiles } from './responseCache/publicFiles'
import { sendError } from './errors'
import { accessContextOf, isAnonymous, requestUser } from './requestUser'
import { setFileCaching } from './serveFile'

/**
 * GET/HEAD /captions/:slug/:language.vtt — an animation's WebVTT track as a file, for a
 * `<track src>` on the frontend. Same read rule as the animation itself. Cached like
 * other files; express adds Content-Length and an ETag, answers If-None-Match and
 * If-Modified-Since (Last-Modified: the animation's last save) with 304, and HEAD
 * without a body. CORS is open for public tracks: a `<track>` from another origin needs it.
 */
export const captions =
  (runtime: () => Promise<Runtime> | undefined, files?: PublicFiles) =>
  async (req: Request<{ slug: string; language: string }>, res: Response): Promise<void> => {
    const started = runtime()
    if (!started) return sendError(req, res, 503, 'serviceStarting')
    const { payload } = await started
    // Read before the lookup, so what is learned below is never newer than the versions.
    const snapshot = hasCredentials(req) ? undefined : await files?.snapshot()
    const user = await requestUser(payload, req)
    const found = await payload.find({
      collection: 'animations',
      where: { slug: { equals: String(req.params.slug) } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      user,
      req: accessContextOf(req),
      select: { captions: true, updatedAt: true },
    })
    const animation = found.docs[0]
    const track = animation?.captions?.find((caption) => caption.language === req.params.language)
    if (!track?.vtt) return sendError(req, res, 404, 'captionsNotFound')
    res.setHeader('Content-Type', 'text/vtt; charset=utf-8')
    if (animation.updatedAt)
      res.setHeader('Last-Modified', new Date(animation.updatedAt).toUTCString())
    const isPublic = isAnonymous(req, user)
    setFileCaching(res, isPublic)
    const body = Buffer.from(track.vtt, 'utf8')
    // The string as express sends it: a Buffer would change the Content-Type's charset.
    res.send(track.vtt)
    // Answered before express from now on (./publicFiles.ts) while animations are unchanged.
    if (isPublic)
      rememberPublicFile(files, req, res, {
        snapshot,
        dependsOn: ['animations'],
        body,
        read: async () => Readable.from([body]),
      })
  }
