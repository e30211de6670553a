/**
 * At most `limit` calls of the wrapped work at once; the rest wait in arrival order.
 * Without it, a burst of uncached reads all run interleaved: the CPU is shared by
 * dozens of half-done requests, and some wait many seconds while newer ones finish.
 * In order, each waits for those before it, and the slowest answer is only as late
 * as the queue is long.
 */
export const concurrencyLimit = (limit: number) => {
  let running = 0
  const waiting: (() => void)[] = []
  const release = () => {
    running -= 1
    const next = waiting.shift()
    if (next) {
      running += 1
      next()
    }
  }
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    else running += 1
    try {
      return await work()
    } finally {
      release()
    }
  }
}
