import type { Access } from 'payload'

/** Any logged-in user (editor or admin). */
export const authenticated: Access = ({ req: { user } }) => Boolean(user)
