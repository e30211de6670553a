import type { Payload } from 'payload'

import { currentContentVersion } from '../contentVersion/reader'

const MAX_ENTRIES = 2000
let version: string | undefined
const entries = new Map<string, unknown>()

/**
 * What the public gets for `key` (a download's document, say), remembered until the
 * next content change: the version is read first, so a lookup made before a change
 * is never used after it (as in the response cache).
 */
export const publicLookup = async <T>(
  payload: Payload,
  key: string,
  load: () => Promise<T>,
): Promise<T> => {
  const now = await currentContentVersion(payload).catch(() => undefined)
  if (!now) return load()
  if (now !== version) {
    version = now
    entries.clear()
  }
  if (entries.has(key)) return entries.get(key) as T
  const value = await load()
  if (version === now) {
    if (entries.size >= MAX_ENTRIES) entries.clear()
    entries.set(key, value)
  }
  return value
}
