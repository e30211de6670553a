import type { Request, Response } from 'express'
import path from 'node:path'

import type { Document } from '../payload-types'
import type { Runtime } from '../runtime/bridge'
import { mediaDir } from '../utilities/env'
import { slugify } from '../utilities/slugify'
import { sendError } from './errors'
import { requestUser } from './requestUser'

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
}

/** "Factsheet Koers en kansen" → factsheet-koers-en-kansen.pdf: the name a visitor's browser saves. */
export const downloadFilename = (doc: Pick<Document, 'slug' | 'title' | 'mimeType' | 'filename'>): string => {
  const extension = (doc.mimeType && EXTENSIONS[doc.mimeType]) || path.extname(doc.filename ?? '').slice(1) || 'bin'
  const base = doc.slug || slugify(doc.title ?? '') || 'document'
  return `${base}.${extension}`
}

/**
 * GET/HEAD /downloads/:slug — the stable, human download URL of a document.
 * Access is decided by Payload's read rule for the requesting user (the public gets
 * published documents only). The file is sent with Content-Length, ETag,
 * Last-Modified and Range support; the download counter counts without storing
 * anything about the visitor.
 */
export const downloads =
  (runtime: () => Promise<Runtime> | undefined) =>
  async (req: Request<{ slug: string }>, res: Response): Promise<void> => {
    const started = runtime()
    if (!started) return sendError(req, res, 503, 'serviceStarting')
    const { payload } = await started
    const user = await requestUser(payload, req)
    const slug = String(req.params.slug)
    const found = await payload.find({
      collection: 'documents',
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      user,
      select: { slug: true, title: true, filename: true, mimeType: true, downloadCount: true },
    })
    const doc = found.docs[0]
    if (!doc?.filename) return sendError(req, res, 404, 'documentNotFound')

    const file = path.resolve(mediaDir(), 'documents', path.basename(doc.filename))
    // Slugs are ASCII, so the quoted form is exact; browsers save the file under this name.
    res.setHeader('Content-Disposition', `attachment; filename="${downloadFilename(doc)}"`)
    // Published files may be cached by browsers and CDNs, but revalidated (ETag).
    res.setHeader('Cache-Control', user ? 'private, no-store' : 'public, max-age=300, must-revalidate')
    res.sendFile(file, { dotfiles: 'deny', acceptRanges: true, etag: true, lastModified: true }, (error) => {
      if (error && !res.headersSent) sendError(req, res, 404, 'fileMissing')
    })

    // Count full GET downloads only: not HEAD, not revalidations (304), not range continuations.
    const counts = req.method === 'GET' && !req.headers.range && !req.headers['if-none-match']
    if (counts && !user) {
      void payload.db
        .updateOne({ collection: 'documents', id: doc.id, data: { downloadCount: (doc.downloadCount ?? 0) + 1 } })
        .catch((error: unknown) => payload.logger.warn({ err: error }, 'download count not updated'))
    }
  }
