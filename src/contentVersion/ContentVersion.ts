import type { GlobalConfig } from 'payload'

import { nobody } from '../access/nobody'

export const CONTENT_VERSION_SLUG = 'content-version'

/**
 * One row holding a token that changes in the same database transaction as every
 * content change (see ./plugin.ts). Every server process compares it with the token
 * its cached responses were made under, so a cached anonymous response is never
 * served after the change that made it stale has committed — also across processes
 * sharing one database. Internal: not in the admin, REST or GraphQL.
 */
export const ContentVersion: GlobalConfig = {
  slug: CONTENT_VERSION_SLUG,
  access: { read: nobody, update: nobody, readVersions: nobody },
  admin: { hidden: true },
  graphQL: false,
  fields: [{ name: 'token', type: 'text' }],
}
