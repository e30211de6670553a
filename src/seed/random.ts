/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same
 * sequence on every machine, so demo data is reproducible without storing it.
 */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One value, each with a chance proportional to its weight. */
export const pickWeighted = <T>(
  random: () => number,
  choices: readonly (readonly [T, number])[],
): T => {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0)
  let point = random() * total
  for (const [value, weight] of choices) {
    point -= weight
    if (point < 0) return value
  }
  return choices[choices.length - 1]![0]
}

/** `count` different values, drawn by weight without replacement, in the order of `choices`. */
export const pickSeveral = <T>(
  random: () => number,
  choices: readonly (readonly [T, number])[],
  count: number,
): T[] => {
  const left = [...choices]
  const picked = new Set<T>()
  while (picked.size < Math.min(count, choices.length)) {
    const value = pickWeighted(random, left)
    picked.add(value)
    left.splice(
      left.findIndex(([candidate]) => candidate === value),
      1,
    )
  }
  return choices.map(([value]) => value).filter((value) => picked.has(value))
}
