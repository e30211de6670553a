import type { Access, Where } from 'payload'

/** The constraint every anonymous read of drafts-enabled content is narrowed to. */
export const publishedOnly: Where = { _status: { equals: 'published' } }

/**
 * The one read rule for all content collections (pages, projects, documents,
 * animations) and therefore also for their file URLs and GraphQL: editors and
 * admins see everything, everybody else only published documents.
 * Payload's `draft` argument is not access control; this rule is.
 */
export const publishedOrAuthenticated: Access = ({ req: { user } }) => {
  if (user) return true
  return publishedOnly
}
