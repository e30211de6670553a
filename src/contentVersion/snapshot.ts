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
  return snapshotFromId(id, previous)
}

/**
 * A snapshot from its id (`scope=token;…`, as the database aggregates it in one value):
 * parsed only when it differs from `previous`.
 */
export const snapshotFromId = (
  id: string,
  previous: VersionSnapshot | undefined,
): VersionSnapshot => {
  if (previous?.id === id) return previous
  const tokens = new Map<string, string>()
  for (const pair of id.split(';')) {
    const at = pair.indexOf('=')
    if (at > 0) tokens.set(pair.slice(0, at), pair.slice(at + 1))
  }
  return { id, tokens }
}
