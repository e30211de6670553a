import type { Access } from 'payload'

import { editors } from './roles'

/**
 * Kept for older imports: "logged in" means an editor or admin here. A preview
 * frontend or a user without roles is logged in too but may write nothing, so
 * write access never checks for a bare user. Prefer `editors` from ./roles.
 */
export const authenticated: Access = editors
