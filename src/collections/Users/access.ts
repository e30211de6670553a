import type { FieldAccess } from 'payload'

import { isAdminUser } from '../../access/admin'

/**
 * Roles are set by admins only, except on the very first account, which
 * `firstUserIsAdmin` makes administrator.
 */
export const rolesCreatable: FieldAccess = async ({ req }) => {
  if (isAdminUser(req.user)) return true
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  return totalDocs === 0
}
