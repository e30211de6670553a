import type { VersionSnapshot } from '../../contentVersion/snapshot'

/**
 * Reads the committed content versions for a request, sharing database reads
 * between concurrent requests without ever answering from a read that started
 * before the request arrived: a request joins the read that starts next, never
 * one already running (which may predate a change the client has seen commit).
 *
 * The next read starts at the end of the current turn of the event loop
 * (setImmediate), or when the running one ends: every request that arrived in the
 * meantime joins it. On SQLite a read is synchronous and never "running" when the
 * next request comes in, so without the wait each request of a burst made its own
 * read (the largest cost of a cached answer in the profile); now one read serves
 * all requests that one turn of the event loop took in.
 */
export type FreshVersion = {
  snapshot: VersionSnapshot | undefined
  /** Order of the read, so an answer from an older read never replaces a newer one. */
  sequence: number
}

export const freshVersionReader = (
  read: () => Promise<VersionSnapshot | undefined>,
): (() => Promise<FreshVersion>) => {
  /** Scheduled, not begun: a request arriving now may join it. */
  let waiting: Promise<FreshVersion> | undefined
  /** Begun: too early for a request arriving now. */
  let running: Promise<FreshVersion> | undefined
  let sequence = 0

  const schedule = (when: (begin: () => void) => void): Promise<FreshVersion> => {
    const scheduled = new Promise<FreshVersion>((resolve, reject) => {
      when(() => {
        waiting = undefined
        const order = ++sequence
        const current = read().then((snapshot) => ({ snapshot, sequence: order }))
        running = current
        current.then(resolve, reject).finally(() => {
          if (running === current) running = undefined
        })
      })
    })
    waiting = scheduled
    return scheduled
  }

  return () => {
    if (waiting) return waiting
    const previous = running
    if (!previous) return schedule((begin) => setImmediate(begin))
    return schedule((begin) => {
      previous.then(begin, begin)
    })
  }
}
