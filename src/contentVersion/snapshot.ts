/**
 * The committed tokens of every scope (see ./ContentVersions.ts), read in one
 * statement. Two reads with nothing changed in between give the same object, so
 * whatever was derived from a snapshot (a dependency set's fingerprint) is reused
 * until a change commits.
 */
export type VersionSnapshot = {
  /** All tokens in scope order: equal ids, equal snapshots. */
  readonly id: string
  readonly tokens: ReadonlyMap<string, string>
}

/** A snapshot from `[scope, token]` rows in scope order; `previous` when nothing changed. */
export const snapshotOf = (
  rows: readonly (readonly [string, string])[],
  previous: VersionSnapshot | undefined,
): VersionSnapshot => {
  let id = ''
  for (const [scope, token] of rows) id += `${scope}=${token};`
  if (previous?.id === id) return previous
  return { id, tokens: new Map(rows) }
}
