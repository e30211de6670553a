import type { Access, FieldAccess } from 'payload'

import { isAdmin, isEditor } from './roles'

/** Only administrators: user management and role changes. */
export const admins: Access = ({ req: { user } }) => isAdmin(user)

export const adminsField: FieldAccess = ({ req: { user } }) => isAdmin(user)

/** Administrators see every user; everybody else only themselves. */
export const adminsOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  return { id: { equals: user.id } }
}

/**
 * Administrators update every user; editors only their own account (name,
 * e-mail, password, API key — roles are guarded per field). Preview accounts are
 * machine accounts that write nothing, not even themselves.
 */
export const adminsOrEditorSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  if (!isEditor(user)) return false
  return { id: { equals: user.id } }
}
