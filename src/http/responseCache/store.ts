import type { DependencySet } from '../../contentVersion/dependencies'
import type { VersionSnapshot } from '../../contentVersion/snapshot'
import type { CachedResponse } from './cachedResponse'

/** How to make an answer again without the request that first asked for it (warm-up). */
export type Recipe = {
  key: string
  dependencies: DependencySet
  produce: () => Promise<globalThis.Response>
  keep?: (entry: CachedResponse) => boolean
}

export type StoredAnswer<R extends { bytes: number } = CachedResponse> = {
  response: R
  recipe: Recipe
  /** The tokens of its dependencies when it was made (see DependencySet.fingerprint). */
  fingerprint: string
  /** Requests it answered: how hot it is, for warm-up. */
  requests: number
}

/** An answer dropped because a scope it depends on changed, with how hot it was. */
export type StaleAnswer = { recipe: Recipe; requests: number }

/**
 * Answers in memory, each valid while the tokens of the scopes it depends on are
 * those it was made under; least recently used dropped first beyond `maxBytes`.
 * A new snapshot drops exactly the answers whose dependencies changed.
 */
export class ResponseStore<R extends { bytes: number } = CachedResponse> {
  private entries = new Map<string, StoredAnswer<R>>()
  private bytes = 0
  private latest: VersionSnapshot | undefined
  private latestSequence = 0

  constructor(private readonly maxBytes: number) {}

  /**
   * Moves the store to `snapshot` (read as number `sequence`) and returns the answers
   * it made stale, removed. A snapshot read before the newest one is ignored.
   */
  advance(snapshot: VersionSnapshot, sequence: number): StaleAnswer[] {
    if (sequence < this.latestSequence || snapshot === this.latest) return []
    this.latestSequence = sequence
    const changed = this.latest?.id !== snapshot.id
    this.latest = snapshot
    if (!changed) return []
    const stale: StaleAnswer[] = []
    for (const [key, entry] of this.entries) {
      if (entry.recipe.dependencies.fingerprint(snapshot) === entry.fingerprint) continue
      this.remove(key, entry)
      stale.push({ recipe: entry.recipe, requests: entry.requests })
    }
    return stale
  }

  /** A valid answer for `key` under `snapshot`; counted as a request unless `count` is false. */
  get(key: string, snapshot: VersionSnapshot, count = true): StoredAnswer<R> | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.recipe.dependencies.fingerprint(snapshot) !== entry.fingerprint) return undefined
    if (count) {
      entry.requests += 1
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.entries.delete(key)
      this.entries.set(key, entry)
    }
    return entry
  }

  /** Keeps `entry` if it is valid under the newest snapshot the store has seen. */
  set(entry: StoredAnswer<R>): void {
    const { key, dependencies } = entry.recipe
    if (!this.latest || dependencies.fingerprint(this.latest) !== entry.fingerprint) return
    if (entry.response.bytes > this.maxBytes / 4) return
    const previous = this.entries.get(key)
    if (previous) this.remove(key, previous)
    this.entries.set(key, entry)
    this.bytes += entry.response.bytes
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.remove(oldest, old)
    }
  }

  /** Any answer held for `key`, valid or not (for callers that decide themselves). */
  peek(key: string): StoredAnswer<R> | undefined {
    return this.entries.get(key)
  }

  private remove(key: string, entry: StoredAnswer<R>): void {
    this.entries.delete(key)
    this.bytes -= entry.response.bytes
  }

  get size(): number {
    return this.entries.size
  }

  /** Memory the held entries take (their `bytes`), at most `maxBytes`. */
  get heldBytes(): number {
    return this.bytes
  }
}
