import type { VersionSnapshot } from './snapshot'

/**
 * The scopes an answer depends on (collections and globals it can contain, see
 * ./graph.ts). Its fingerprint under a snapshot is the tokens of exactly those
 * scopes: an answer stays valid while its fingerprint is unchanged, whatever else
 * changed. Interned: one object per distinct set, so the fingerprint is computed
 * once per snapshot however many answers share the set.
 */
export class DependencySet {
  private snapshot: VersionSnapshot | undefined
  private value = ''

  constructor(
    /** Sorted scopes; undefined: depends on everything (any change). */
    readonly scopes: readonly string[] | undefined,
    readonly id: string,
  ) {}

  fingerprint(snapshot: VersionSnapshot): string {
    if (snapshot !== this.snapshot) {
      this.value = this.scopes
        ? this.scopes.map((scope) => snapshot.tokens.get(scope) ?? '').join(',')
        : snapshot.id
      this.snapshot = snapshot
    }
    return this.value
  }

  /** True when `scope` is one of the scopes (always for "everything"). */
  includes(scope: string): boolean {
    return this.scopes ? this.scopes.includes(scope) : true
  }
}

const interned = new Map<string, DependencySet>()
const EVERYTHING = new DependencySet(undefined, '*')
const MAX_INTERNED = 5000

/** The set of `scopes` (any order, duplicates allowed); undefined or unknown: everything. */
export const dependencySet = (scopes: Iterable<string> | undefined): DependencySet => {
  if (!scopes) return EVERYTHING
  const sorted = [...new Set(scopes)].sort()
  const id = sorted.join(',')
  let set = interned.get(id)
  if (!set) {
    if (interned.size >= MAX_INTERNED) interned.clear()
    set = new DependencySet(sorted, id)
    interned.set(id, set)
  }
  return set
}

export const everything = (): DependencySet => EVERYTHING
