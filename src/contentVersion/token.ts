import crypto from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'

import { CONTENT_VERSION_SLUG } from './ContentVersion'

/** Unique per change, so two concurrent changes can never leave an old token behind. */
const newToken = (): string => `${Date.now().toString(36)}-${crypto.randomBytes(8).toString('hex')}`

/** Writes a new token; with `req`, inside its transaction (committed or rolled back with it). */
const writeNewToken = async (payload: Payload, req?: PayloadRequest): Promise<void> => {
  await payload.db.updateGlobal({
    slug: CONTENT_VERSION_SLUG,
    data: { token: newToken() },
    req,
    returning: false,
  })
}

/** After a content change, in the change's own transaction. */
export const bumpContentVersion = (req: PayloadRequest): Promise<void> =>
  writeNewToken(req.payload, req)

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
    writeNewToken(payload).catch((error: unknown) =>
      payload.logger.warn({ err: error }, 'content version not updated'),
    )
  }, delayMs)
  bumpPending.unref()
}
