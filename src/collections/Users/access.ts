import type { FieldAccess } from 'payload'

import { isAdmin } from '../../access/roles'

/**
 * Roles are set by admins only, except on the very first account, which
 * `firstUserIsAdmin` makes administrator.
 */
export const rolesCreatable: FieldAccess = async ({ req }) => {
  if (isAdmin(req.user)) return true
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  return totalDocs === 0
}
