import { intFromEnv } from '../utilities/env'

const TICK_MS = 100
/** How long a stall keeps liveness failing after it ended: long enough for a probe to see it. */
const REMEMBER_MS = 30_000

let lastTick = 0
let timer: NodeJS.Timeout | undefined
const stalls: { at: number; ms: number }[] = []

/**
 * Measures how late a 100 ms timer fires: the time the event loop could not run
 * anything (a synchronous loop, a huge JSON.stringify, a stuck native call). While the
 * loop is blocked nothing answers at all; once it runs again, /healthz reports the
 * stall for half a minute, so an orchestrator's probe that timed out is followed by
 * failing answers rather than a healthy one.
 */
export const watchEventLoop = (): void => {
  if (timer) return
  lastTick = performance.now()
  timer = setInterval(() => {
    const now = performance.now()
    const late = now - lastTick - TICK_MS
    lastTick = now
    if (late >= 200) stalls.push({ at: Date.now(), ms: Math.round(late) })
    while (stalls.length && Date.now() - stalls[0]!.at > REMEMBER_MS) stalls.shift()
  }, TICK_MS)
  timer.unref()
}

/** The longest stall of the last half minute (or the one going on), in ms. */
export const longestRecentStall = (): number => {
  const current = lastTick ? Math.max(0, performance.now() - lastTick - TICK_MS) : 0
  const recent = stalls
    .filter((stall) => Date.now() - stall.at <= REMEMBER_MS)
    .reduce((max, stall) => Math.max(max, stall.ms), 0)
  return Math.round(Math.max(current, recent))
}

/** A stall longer than this fails liveness (LIVENESS_EVENT_LOOP_MAX_MS, default 5000). */
export const eventLoopLimitMs = (): number => intFromEnv('LIVENESS_EVENT_LOOP_MAX_MS', 5000)
