import type { CollectionConfig } from 'payload'

import { nobody } from '../access/nobody'

export const CONTENT_VERSIONS_SLUG = 'content-versions'

/**
 * One row per *scope* — a public collection or global (`pages`, `site`), and for
 * collections with drafts also what `draft=true` readers see (`pages:draft`) — with a
 * token that a change of that scope rewrites in the change's own database transaction
 * (see ./plugin.ts). The response cache reads all rows in one statement and reuses an
 * answer while the tokens of the scopes it depends on are unchanged, so a committed
 * change is never followed by a stale answer, in any server process sharing the
 * database. Internal: not in the admin, REST or GraphQL.
 */
export const ContentVersions: CollectionConfig = {
  slug: CONTENT_VERSIONS_SLUG,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  admin: { hidden: true },
  graphQL: false,
  timestamps: false,
  fields: [
    { name: 'scope', type: 'text', required: true, unique: true },
    { name: 'token', type: 'text', required: true },
  ],
}
