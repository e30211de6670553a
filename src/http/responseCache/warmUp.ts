import type { StaleAnswer } from './store'

export type WarmUpOptions = {
  /** How many of the most-requested stale answers are recomputed per change (0: none). */
  count: number
  /**
   * Recomputes one answer as background work (never in line before a real request),
   * skipping it when a real request already has it or is making it.
   */
  refresh: (stale: StaleAnswer) => Promise<void>
}

/**
 * After a change, recomputes in the background the answers that were requested most
 * among those the change made stale, so a burst right after a publish finds them
 * ready. Bounded: at most `count` answers per change, one at a time. A newer change replaces what is still queued
 * by the hottest of both.
 */
export const warmUp = (options: WarmUpOptions) => {
  let queue: StaleAnswer[] = []
  let running = false

  const work = async () => {
    running = true
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await options.refresh(next).catch((error: unknown) => {
          console.warn(
            `Response cache: warming ${next?.recipe.key.split('\n')[1] ?? ''} failed`,
            error,
          )
        })
      }
    } finally {
      running = false
    }
  }

  return {
    offer: (stale: StaleAnswer[]): void => {
      if (options.count <= 0 || stale.length === 0) return
      const byKey = new Map<string, StaleAnswer>()
      for (const answer of [...queue, ...stale]) {
        const known = byKey.get(answer.recipe.key)
        if (!known || known.requests < answer.requests) byKey.set(answer.recipe.key, answer)
      }
      queue = [...byKey.values()].sort((a, b) => b.requests - a.requests).slice(0, options.count)
      if (!running) void work()
    },
    get queued(): number {
      return queue.length
    },
  }
}
