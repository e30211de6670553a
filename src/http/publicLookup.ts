import type { Payload } from 'payload'

import { type DependencySet, dependencySet } from '../contentVersion/dependencies'
import { currentVersions } from '../contentVersion/reader'

const MAX_ENTRIES = 2000
const entries = new Map<string, { fingerprint: string; value: unknown }>()

/**
 * What the public gets for `key` (a download's document, say), remembered while the
 * scopes it depends on are unchanged: the versions are read first, so a lookup made
 * before a change is never used after it (as in the response cache).
 */
export const publicLookup = async <T>(
  payload: Payload,
  key: string,
  dependsOn: DependencySet | readonly string[],
  load: () => Promise<T>,
): Promise<T> => {
  const snapshot = await currentVersions(payload).catch(() => undefined)
  if (!snapshot || snapshot.tokens.size === 0) return load()
  const dependencies = Array.isArray(dependsOn)
    ? dependencySet(dependsOn)
    : (dependsOn as DependencySet)
  const fingerprint = dependencies.fingerprint(snapshot)
  const known = entries.get(key)
  if (known?.fingerprint === fingerprint) return known.value as T
  const value = await load()
  if (entries.size >= MAX_ENTRIES) entries.clear()
  entries.set(key, { fingerprint, value })
  return value
}
