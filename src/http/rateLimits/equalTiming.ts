import crypto from 'node:crypto'
import { promisify } from 'node:util'

import type { Payload } from 'payload'

const pbkdf2 = promisify(crypto.pbkdf2)

/**
 * Payload's current password hash (payload/dist/auth/strategies/local/
 * generatePasswordSaltHash.js, "pbkdf2-sha256-v1"): PBKDF2-SHA256, 600 000 iterations,
 * 32 bytes. Not exported by Payload, so mirrored here; a login test compares the times.
 */
const ITERATIONS = 600_000
const KEY_LENGTH = 32
const SALT = crypto.randomBytes(32).toString('hex')

/**
 * Payload checks a password only for an account that exists and is not locked; for an
 * unknown or locked account it answers at once (~6 ms against ~100 ms), which tells a
 * stranger which e-mail addresses have an account. After such a failed login this
 * does the same work Payload does for an existing account: the same key derivation,
 * so the answers take the same time by construction. The padded minimum
 * (AUTH_MIN_RESPONSE_MS) then only has to cover the small rest (one database write).
 */
export const equaliseFailedLogin = async (
  payload: Payload,
  email: string,
  password: string,
): Promise<void> => {
  // Both branches look the account up, so that lookup costs the same for each.
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    select: { lockUntil: true },
    showHiddenFields: true,
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const lockUntil = docs[0]?.lockUntil
  const checkedByPayload =
    docs.length > 0 && !(lockUntil && new Date(lockUntil).getTime() > Date.now())
  if (checkedByPayload) return
  await pbkdf2(password, SALT, ITERATIONS, KEY_LENGTH, 'sha256')
}
