import type { Request, Response } from 'express'
import path from 'node:path'

import { draftScope } from '../contentVersion/scopes'
import type { Runtime } from '../runtime/bridge'
import { contentDisposition, filenameFromTitle } from '../utilities/contentDisposition'
import { hasCredentials } from './api/anonymous'
import { queueDownloadCount } from './downloadCounter'
import { sendError } from './errors'
import { accessContextOf, isAnonymous, requestUser } from './requestUser'
import { publicLookup } from './publicLookup'
import { rememberPublicFile } from './publicFiles'
import type { PublicFiles } from './responseCache/publicFiles'
import { UPLOAD_FOLDERS } from '../storage/folders'
import { fileStore } from '../storage/store'
import type { FileStat } from '../storage/storedFile'
import { serveFile } from './serveFile'

type FoundDocument = {
  id: number
  title: string
  filename: string
  /** The stored file's metadata (null: the document's file is missing). */
  stat: FileStat | null
}

/**
 * Whether a finished response delivered the whole file: a 200, or a 206 for the
 * entire file (`Range: bytes=0-`, as some download managers and players always ask).
 * Not counted: HEAD, 304 revalidations, 416, and every partial range (a continuation,
 * or a probe such as `bytes=0-1`), so one download counts once.
 */
const deliveredWholeFile = (req: Request, res: Response): boolean => {
  if (req.method !== 'GET') return false
  if (res.statusCode === 200) return true
  if (res.statusCode !== 206) return false
  const match = /^bytes 0-(\d+)\/(\d+)$/.exec(String(res.getHeader('Content-Range') ?? ''))
  return Boolean(match && Number(match[1]) + 1 === Number(match[2]))
}

/** A document's file in the store (local disk or the bucket). */
const storedDocument = (filename: string) =>
  fileStore().file(UPLOAD_FOLDERS.documents, path.basename(filename))

/**
 * GET/HEAD /downloads/:slug — the stable, human download URL of a document.
 * Access is Payload's read rule for whoever asks (the public: published documents
 * only; drafts are a 404). The file goes out as an attachment named after the title
 * (`?inline=1`: for display in the browser, e.g. a PDF viewer) with the headers of
 * `serveFile`. A complete anonymous download is counted after the response has
 * gone out, so counting never slows or breaks it; a failed count is only logged.
 */
export const downloads =
  (runtime: () => Promise<Runtime> | undefined, files?: PublicFiles) =>
  async (req: Request<{ slug: string }>, res: Response): Promise<void> => {
    const started = runtime()
    if (!started) return sendError(req, res, 503, 'serviceStarting')
    const { payload } = await started
    // The public's answer depends only on the slug and the content version: remembered.
    const anonymous = !hasCredentials(req)
    // Read before the lookup, so what is learned below is never newer than the versions.
    const snapshot = anonymous ? await files?.snapshot() : undefined
    const user = anonymous ? null : await requestUser(payload, req)
    const find = async (): Promise<FoundDocument | null> => {
      const found = await payload.find({
        collection: 'documents',
        where: { slug: { equals: String(req.params.slug) } },
        limit: 1,
        depth: 0,
        overrideAccess: false,
        user,
        req: accessContextOf(req),
        select: { title: true, filename: true },
      })
      const doc = found.docs[0]
      if (!doc?.filename) return null
      return {
        id: doc.id,
        title: doc.title,
        filename: doc.filename,
        stat: await storedDocument(doc.filename).stat(),
      }
    }
    const doc = anonymous
      ? await publicLookup(payload, `document:${req.params.slug}`, ['documents'], find)
      : await find()
    if (!doc) return sendError(req, res, 404, 'documentNotFound')
    const { stat } = doc
    if (!stat) return sendError(req, res, 404, 'fileMissing')

    const extension = stat.type?.ext ?? (path.extname(doc.filename).slice(1) || 'bin')
    const disposition = req.query.inline === '1' ? 'inline' : 'attachment'
    res.setHeader(
      'Content-Disposition',
      contentDisposition(disposition, filenameFromTitle(doc.title, extension)),
    )
    const isPublic = isAnonymous(req, user)
    const outcome = await serveFile(req, res, {
      file: storedDocument(doc.filename),
      stat,
      isPublic,
    })
    if (outcome === 'missing') {
      res.removeHeader('Content-Disposition')
      return sendError(req, res, 404, 'fileMissing')
    }

    if (outcome === 'sent' && isPublic && deliveredWholeFile(req, res)) {
      queueDownloadCount(payload, doc.id)
    }
    // Answered before express from now on (./publicFiles.ts), until documents change:
    // also their drafts, since a draft save can replace the stored file.
    if (outcome === 'sent' && isPublic)
      rememberPublicFile(files, req, res, {
        snapshot,
        dependsOn: PUBLIC_DOCUMENT_FILE,
        read: () => storedDocument(doc.filename).read(),
        delivered: () => queueDownloadCount(payload, doc.id),
      })
  }

const PUBLIC_DOCUMENT_FILE = ['documents', draftScope('documents')]
