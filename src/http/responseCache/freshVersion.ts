import type { VersionSnapshot } from '../../contentVersion/snapshot'

/**
 * Reads the committed content versions for a request, sharing database reads
 * between concurrent requests without ever answering from a read that started
 * before the request arrived: a request joins the read that starts next, never
 * one already running (which may predate a change the client has seen commit).
 */
export type FreshVersion = {
  snapshot: VersionSnapshot | undefined
  /** Order of the read, so an answer from an older read never replaces a newer one. */
  sequence: number
}

export const freshVersionReader = (
  read: () => Promise<VersionSnapshot | undefined>,
): (() => Promise<FreshVersion>) => {
  let running: Promise<FreshVersion> | undefined
  let next: Promise<FreshVersion> | undefined
  let sequence = 0

  const start = (): Promise<FreshVersion> => {
    const order = ++sequence
    const current = read()
      .then((snapshot) => ({ snapshot, sequence: order }))
      .finally(() => {
        if (running === current) running = undefined
      })
    running = current
    return current
  }

  return () => {
    if (next) return next
    if (!running) return start()
    const waitFor = running
    next = waitFor
      .catch(() => undefined)
      .then(() => {
        next = undefined
        return start()
      })
    return next
  }
}
