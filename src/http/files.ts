import type { NextFunction, Request, Response } from 'express'
import path from 'node:path'
import {
  type CollectionSlug,
  createLocalReq,
  type Payload,
  type TypedUser,
  type Where,
} from 'payload'

import { draftScope } from '../contentVersion/scopes'
import type { Runtime } from '../runtime/bridge'
import { hasCredentials } from './api/anonymous'
import { rememberPublicFile } from './publicFiles'
import type { PublicFiles } from './responseCache/publicFiles'
import { sendError } from './errors'
import { accessContextOf, isAnonymous, requestUser } from './requestUser'
import { isUploadCollection, UPLOAD_FOLDERS } from '../storage/folders'
import { fileStore } from '../storage/store'
import { serveFile } from './serveFile'

/**
 * May this request read this stored file? The same decision as Payload's own file
 * route (checkFileAccess): the collection's read rule, for the original or any of its
 * image sizes; when the rule is a query, the file must belong to a document it
 * matches, or to the latest draft of one. For the public that means: media always
 * (media has no drafts), documents and animations only while published.
 */
const mayReadFile = async (
  payload: Payload,
  req: Request,
  user: TypedUser | null,
  slug: CollectionSlug,
  filename: string,
): Promise<boolean> => {
  const config = payload.collections[slug].config
  const localReq = await createLocalReq(
    { user: user ?? undefined, req: accessContextOf(req) },
    payload,
  )
  const access = await config.access.read({
    req: localReq,
    data: { filename },
    isReadingStaticFile: true,
  })
  if (typeof access === 'boolean') return access
  return belongsToDocument(payload, slug, filename, access)
}

/** Whether the file (or one of its image sizes) is a document's that `access` matches. */
const belongsToDocument = async (
  payload: Payload,
  slug: CollectionSlug,
  filename: string,
  access?: Where,
): Promise<boolean> => {
  const config = payload.collections[slug].config
  const sizes = (typeof config.upload === 'object' && config.upload.imageSizes) || []
  const ofFile: Where = {
    or: [
      { filename: { equals: filename } },
      ...sizes.map((size) => ({ [`sizes.${size.name}.filename`]: { equals: filename } })),
    ],
  }
  const where: Where = access ? { and: [ofFile, access] } : ofFile
  for (const draft of config.versions &&
  typeof config.versions === 'object' &&
  config.versions.drafts
    ? [false, true]
    : [false]) {
    const found = await payload.find({
      collection: slug,
      where,
      draft,
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { filename: true },
    })
    if (found.docs.length > 0) return true
  }
  return false
}

/**
 * GET/HEAD /api/<documents|media|animations>/file/<filename> — Payload's own file URLs
 * (the `url` and `sizes.*.url` in API responses), answered here before Next: Payload
 * 3.90 sends them without Content-Length or ETag, ignores If-None-Match and answers
 * HEAD with 404. The file comes from the store (local disk or the bucket, see
 * src/storage/). Same access as Payload (above); what the public may not see is a 404,
 * as if it did not exist. Headers as for downloads (see serveFile), without
 * Content-Disposition: these URLs are for embedding (img, video, PDF viewer).
 */
export const files =
  (runtime: () => Promise<Runtime> | undefined, publicFiles?: PublicFiles) =>
  async (
    req: Request<{ collection: string; filename: string }>,
    res: Response,
    next: NextFunction,
  ): Promise<void> => {
    const { collection, filename } = req.params
    if (!isUploadCollection(collection)) return next()
    const started = runtime()
    if (!started) return sendError(req, res, 503, 'serviceStarting')
    const { payload } = await started
    if (
      !filename ||
      filename !== path.basename(filename) ||
      filename.startsWith('.') ||
      filename.includes('\0')
    ) {
      return sendError(req, res, 404, 'fileNotFound')
    }
    const slug = collection as CollectionSlug
    // Read before the access check, so what is learned below is never newer than the versions.
    const snapshot = hasCredentials(req) ? undefined : await publicFiles?.snapshot()
    const user = await requestUser(payload, req)
    if (!(await mayReadFile(payload, req, user, slug, filename)))
      return sendError(req, res, 404, 'fileNotFound')

    const file = fileStore().file(UPLOAD_FOLDERS[collection], filename)
    const stat = await file.stat()
    if (!stat) return sendError(req, res, 404, 'fileNotFound')
    const isPublic = isAnonymous(req, user)
    const outcome = await serveFile(req, res, { file, stat, isPublic })
    if (outcome === 'missing') return sendError(req, res, 404, 'fileNotFound')
    // Answered before express from now on (./publicFiles.ts) while the collection (and
    // its drafts) are unchanged — only files that belong to a document, never a stray
    // file in the folder that the read rule happens to allow.
    if (
      outcome === 'sent' &&
      isPublic &&
      snapshot &&
      res.statusCode === 200 &&
      (await belongsToDocument(payload, slug, filename))
    )
      rememberPublicFile(publicFiles, req, res, {
        snapshot,
        dependsOn: [slug, draftScope(slug)],
        read: () => file.read(),
      })
  }
