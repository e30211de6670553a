import type { AfterErrorHook } from 'payload'

import { isAdmin, isEditor } from '../access/roles'
import { message } from '../i18n/messages'

/** What only administrators manage (src/access/admin.ts). */
const ADMIN_ONLY = new Set(['users', 'auditLog', 'payload-jobs'])

/**
 * A logged-in user refused an action (403) is told which role it needs, in their
 * language, instead of Payload's bare "U mag deze actie niet uitvoeren": an editor
 * managing users needs an administrator, a read-only (preview) account an editor.
 * Anonymous refusals are left as they are (they say to log in).
 */
export const forbiddenNamesRole: AfterErrorHook = ({ error, req, collection }) => {
  if ((error as { status?: number }).status !== 403 || !req.user || isAdmin(req.user)) return
  const key =
    collection && ADMIN_ONLY.has(collection.slug)
      ? 'forbiddenAdminsOnly'
      : isEditor(req.user)
        ? 'forbiddenForEditor'
        : 'forbiddenEditorsOnly'
  return { status: 403, response: { errors: [{ message: message(key, req) }] } }
}
