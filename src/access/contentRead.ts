import type { Access, CollectionConfig, CollectionSlug, PayloadRequest, Where } from 'payload'

import { previewTokenOf, verifyPreviewToken } from '../utilities/previewToken'
import { canReadDrafts, draftReaders, editors } from './roles'

/** The constraint every public read of drafts-enabled content is narrowed to. */
export const publishedOnly: Where = { _status: { equals: 'published' } }

/**
 * THE read rule for all content collections (pages, projects, documents,
 * animations). Payload applies a collection's `read` to REST, GraphQL (also with
 * `draft: true`: that argument is not access control), relationship population
 * at any depth and the upload file URLs (/api/<collection>/file/<name>), so this
 * one rule covers all of them:
 * - editors, admins and preview frontends (see ./roles) see everything;
 * - a request carrying a valid preview token for this collection also sees that
 *   one document's draft (the express layer already refused invalid tokens with 401);
 * - everybody else, including logged-in users without a role, sees published only.
 */
export const contentRead =
  (collection: CollectionSlug): Access =>
  ({ req }) => {
    if (canReadDrafts(req.user)) return true
    const previewId = previewDocumentId(req, collection)
    if (previewId !== undefined) return { or: [{ id: { equals: previewId } }, publishedOnly] }
    return publishedOnly
  }


const previewDocumentId = (req: PayloadRequest, collection: CollectionSlug): number | string | undefined => {
  const token = req.headers ? previewTokenOf(req.headers, req.searchParams) : undefined
  if (!token) return undefined
  const result = verifyPreviewToken(token)
  if (!result.ok || result.claims.collection !== collection) return undefined
  // Numeric ids on SQLite/Postgres, ObjectId strings on MongoDB.
  return /^\d+$/.test(result.claims.id) ? Number(result.claims.id) : result.claims.id
}

/**
 * The whole access block of a content collection: editors and admins write,
 * `contentRead` reads, and version history (with every draft in it) is for
 * editors, admins and preview frontends only.
 */
export const contentAccess = (collection: CollectionSlug): CollectionConfig['access'] => ({
  create: editors,
  delete: editors,
  read: contentRead(collection),
  update: editors,
  readVersions: draftReaders,
})
