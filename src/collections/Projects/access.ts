import type { FieldAccess } from 'payload'

import { isEditor } from '../../access/roles'

/**
 * A project contact's personal details are for editors and admins. Everybody
 * else — the public, preview frontends, users without a role — sees them only
 * when the editor ticked "public" for that contact (read from the stored
 * document, not from the request).
 */
export const contactVisible: FieldAccess = ({ req: { user }, siblingData }) =>
  isEditor(user) || siblingData?.public === true
