import type { Access, FieldAccess } from 'payload'

/**
 * Who may do what, decided only from the authenticated user as Payload loaded it
 * from the database (JWT, cookie or API key) — never from fields a client sends.
 *
 * - `admin`: everything, including users and roles.
 * - `editor`: creates, edits, publishes and deletes content, media and globals.
 * - `preview`: a trusted server-side frontend (normally via an API key,
 *   `Authorization: users API-Key <key>`): reads drafts and version history to
 *   render previews, writes nothing and cannot open the admin.
 * A logged-in user without any of these roles (for example an API-key account
 * an admin left without roles) is treated like the public: published only.
 */
export const ROLES = ['admin', 'editor', 'preview'] as const
export type Role = (typeof ROLES)[number]

const rolesOf = (user: unknown): readonly string[] => {
  const roles = (user as { roles?: unknown } | null | undefined)?.roles
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : []
}

export const hasRole = (user: unknown, ...roles: Role[]): boolean => {
  const own = rolesOf(user)
  return roles.some((role) => own.includes(role))
}

export const isAdmin = (user: unknown): boolean => hasRole(user, 'admin')

/** Editors and admins: may write content, media and globals and use the admin. */
export const isEditor = (user: unknown): boolean => hasRole(user, 'admin', 'editor')

/** Who sees drafts and version history: editors, admins and preview frontends. */
export const canReadDrafts = (user: unknown): boolean => hasRole(user, 'admin', 'editor', 'preview')

/** Content, media and globals writes. */
export const editors: Access = ({ req: { user } }) => isEditor(user)

export const editorsField: FieldAccess = ({ req: { user } }) => isEditor(user)

/** Drafts and version history (`readVersions`). */
export const draftReaders: Access = ({ req: { user } }) => canReadDrafts(user)
