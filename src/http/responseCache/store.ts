import type { CachedResponse } from './cachedResponse'

/**
 * Answers made under one content version, least recently used dropped first
 * beyond `maxBytes`. A new content version empties it: every entry may be stale.
 */
export class ResponseStore {
  private entries = new Map<string, CachedResponse>()
  private bytes = 0
  private version: string | undefined
  private sequence = 0

  constructor(private readonly maxBytes: number) {}

  /**
   * Moves the store to `version` (read as number `sequence`), dropping everything
   * made under another one. A version read earlier than the current one is ignored.
   */
  useVersion(version: string, sequence: number): void {
    if (sequence < this.sequence || version === this.version) return
    this.sequence = sequence
    this.entries.clear()
    this.bytes = 0
    this.version = version
  }

  get(version: string, key: string): CachedResponse | undefined {
    if (version !== this.version) return undefined
    const entry = this.entries.get(key)
    if (entry) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.entries.delete(key)
      this.entries.set(key, entry)
    }
    return entry
  }

  /** Keeps `entry` only if it was made under the store's current version. */
  set(version: string, key: string, entry: CachedResponse): void {
    if (version !== this.version || entry.bytes > this.maxBytes / 4) return
    const previous = this.entries.get(key)
    if (previous) this.bytes -= previous.bytes
    this.entries.delete(key)
    this.entries.set(key, entry)
    this.bytes += entry.bytes
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(oldest)
      this.bytes -= old.bytes
    }
  }

  get size(): number {
    return this.entries.size
  }
}
