import { AsyncLocalStorage } from 'node:async_hooks'

const backgroundWork = new AsyncLocalStorage<boolean>()

/**
 * Runs `work` as background work (warming the response cache): in a concurrency
 * limit it waits until no request is waiting, so it is never in line before one.
 */
export const inBackground = <T>(work: () => Promise<T>): Promise<T> =>
  backgroundWork.run(true, work)

/**
 * At most `limit` calls of the wrapped work at once; the rest wait in arrival order.
 * Without it, a burst of uncached reads all run interleaved: the CPU is shared by
 * dozens of half-done requests, and some wait many seconds while newer ones finish.
 * In order, each waits for those before it, and the slowest answer is only as late
 * as the queue is long. Background work (see inBackground) takes a free place only
 * while no request waits.
 */
export const concurrencyLimit = (limit: number) => {
  let running = 0
  const waiting: (() => void)[] = []
  const waitingInBackground: (() => void)[] = []
  const release = () => {
    running -= 1
    const next = waiting.shift() ?? waitingInBackground.shift()
    if (next) {
      running += 1
      next()
    }
  }
  return async <T>(work: () => Promise<T>): Promise<T> => {
    const background = backgroundWork.getStore() === true
    if (running >= limit || (background && waiting.length > 0))
      await new Promise<void>((resolve) =>
        (background ? waitingInBackground : waiting).push(resolve),
      )
    else running += 1
    try {
      return await work()
    } finally {
      release()
    }
  }
}
