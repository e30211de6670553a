import crypto from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'

import { CONTENT_VERSIONS_SLUG } from './ContentVersions'
import { publicScopes } from './scopes'

/** Unique per change, so two concurrent changes can never leave an old token behind. */
const newToken = (): string => `${Date.now().toString(36)}-${crypto.randomBytes(8).toString('hex')}`

/** Scopes already given a new token in a transaction: one write per scope and transaction. */
const written = new WeakMap<PayloadRequest, { transaction: unknown; scopes: Set<string> }>()

/** Writes one new token into every scope's row; with `req`, inside its transaction. */
const writeNewToken = async (
  payload: Payload,
  scopes: readonly string[],
  req?: PayloadRequest,
): Promise<void> => {
  if (scopes.length === 0) return
  await payload.db.updateMany({
    collection: CONTENT_VERSIONS_SLUG,
    where: { scope: { in: [...scopes] } },
    data: { token: newToken() },
    req,
    returning: false,
  })
}

/**
 * After a change the public can see, in the change's own transaction: a new token for
 * the scopes it changed (committed or rolled back with the change). Within one
 * transaction each scope is written once; without a transaction every call writes,
 * because each change then commits on its own.
 */
export const bumpScopes = async (req: PayloadRequest, scopes: readonly string[]): Promise<void> => {
  const transaction = await req.transactionID
  let todo = scopes
  if (transaction !== undefined && transaction !== null) {
    let seen = written.get(req)
    if (!seen || seen.transaction !== transaction) {
      seen = { transaction, scopes: new Set() }
      written.set(req, seen)
    }
    const done = seen.scopes
    todo = scopes.filter((scope) => !done.has(scope))
    for (const scope of todo) done.add(scope)
  }
  await writeNewToken(req.payload, todo, req)
}

/** The committed tokens, read with Payload's own database call (adapters without a fast reader). */
export const readTokens = async (payload: Payload): Promise<[string, string][]> => {
  const { docs } = await payload.db.find<{ scope: string; token: string }>({
    collection: CONTENT_VERSIONS_SLUG,
    limit: 0,
    pagination: false,
    sort: 'scope',
  })
  return docs.map((doc) => [doc.scope, doc.token])
}

/**
 * Every public scope must have its row before the first change writes to it. Two
 * processes starting at once may both try: the scope is unique, the loser's insert
 * fails and the row is there either way.
 */
export const ensureScopeRows = async (payload: Payload): Promise<void> => {
  const { all } = await publicScopes(payload)
  const existing = new Set((await readTokens(payload)).map(([scope]) => scope))
  for (const scope of all) {
    if (existing.has(scope)) continue
    try {
      await payload.db.create({
        collection: CONTENT_VERSIONS_SLUG,
        data: { scope, token: newToken() },
        returning: false,
      })
    } catch (error) {
      const again = new Set((await readTokens(payload)).map(([known]) => known))
      if (!again.has(scope)) throw error
    }
  }
}

const pendingSoon = new Map<string, NodeJS.Timeout>()

/**
 * For counters that change on public traffic (download counts): a new token for
 * `scopes` at most once per `delayMs`, so a burst of downloads does not drop cached
 * answers on every request; the count an anonymous reader sees lags by at most that.
 */
export const bumpScopesSoon = (
  payload: Payload,
  scopes: readonly string[],
  delayMs: number,
): void => {
  const id = scopes.join(',')
  if (pendingSoon.has(id)) return
  const timer = setTimeout(() => {
    pendingSoon.delete(id)
    writeNewToken(payload, scopes).catch((error: unknown) =>
      payload.logger.warn({ err: error }, 'content version not updated'),
    )
  }, delayMs)
  timer.unref()
  pendingSoon.set(id, timer)
}
