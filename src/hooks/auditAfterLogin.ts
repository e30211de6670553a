import type { CollectionAfterLoginHook } from 'payload'

import { writeAuditEntry } from './auditEntry'

/** Records each successful login (who, when); failed attempts are counted by Payload's lockout. */
export const auditAfterLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  await writeAuditEntry(
    req,
    { action: 'login', collection: 'users', docId: user.id, title: user.email },
    { ...user, collection: 'users' },
  )
  return user
}
