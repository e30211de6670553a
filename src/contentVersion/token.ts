import crypto from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'

import { CONTENT_VERSION_SLUG } from './ContentVersion'

/** Unique per change, so two concurrent changes can never leave an old token behind. */
const newToken = (): string => `${Date.now().toString(36)}-${crypto.randomBytes(8).toString('hex')}`

/** Writes a new token inside the request's transaction: it commits (or rolls back) with the change. */
export const bumpContentVersion = async (req: PayloadRequest): Promise<void> => {
  await req.payload.db.updateGlobal({
    slug: CONTENT_VERSION_SLUG,
    data: { token: newToken() },
    req,
    returning: false,
  })
}

/** The committed token, read straight from the database (no hooks, no access checks). */
export const readContentVersion = async (payload: Payload): Promise<string | undefined> => {
  const row = (await payload.db.findGlobal({
    slug: CONTENT_VERSION_SLUG,
    select: { token: true },
  })) as { token?: string | null } | undefined
  return row?.token ?? undefined
}

/** The row must exist before the first change updates it. */
export const ensureContentVersion = async (payload: Payload): Promise<void> => {
  if (await readContentVersion(payload)) return
  await payload.db.createGlobal({
    slug: CONTENT_VERSION_SLUG,
    data: { token: newToken() },
    returning: false,
  })
}

let bumpPending: NodeJS.Timeout | undefined

/**
 * For counters that change on public traffic (download counts): a new token at
 * most once per `delayMs`, so a burst of downloads does not empty the response
 * cache on every request; the count an anonymous reader sees lags by at most that.
 */
export const bumpContentVersionSoon = (payload: Payload, delayMs: number): void => {
  if (bumpPending) return
  bumpPending = setTimeout(() => {
    bumpPending = undefined
    payload.db
      .updateGlobal({ slug: CONTENT_VERSION_SLUG, data: { token: newToken() }, returning: false })
      .catch((error: unknown) => payload.logger.warn({ err: error }, 'content version not updated'))
  }, delayMs)
  bumpPending.unref()
}
