import type { Access, FieldAccess } from 'payload'

import type { User } from '../payload-types'

export const isAdminUser = (user: unknown): boolean =>
  Boolean(user && (user as User).roles?.includes('admin'))

/** Only administrators: user management and role changes. */
export const admins: Access = ({ req: { user } }) => isAdminUser(user)

export const adminsField: FieldAccess = ({ req: { user } }) => isAdminUser(user)

/** Administrators see every user; everybody else only themselves. */
export const adminsOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdminUser(user)) return true
  return { id: { equals: user.id } }
}
