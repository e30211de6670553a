import { createLocalReq, type Payload } from 'payload'

import { CONTENT_VERSIONS_SLUG } from './ContentVersions'
import { dependencyGraphOf } from './graph'

/** What `draft=true` readers of a collection or global see: every save changes it. */
export const draftScope = (slug: string): string => `${slug}:draft`

/**
 * The collections and globals an anonymous reader can read at all, decided by each
 * one's own read access rule for a request without a user (false: never public).
 * Only their changes can alter an anonymous answer; everything else (users, the
 * audit log, download statistics, jobs, preferences, this bookkeeping itself) is
 * never a reason to drop a cached answer. Payload's own `payload-*` collections are
 * bookkeeping whatever their rule says.
 */
export type PublicScopes = {
  isPublic: (slug: string) => boolean
  /** Every scope that has a row: the public slugs, and `<slug>:draft` for those with drafts. */
  all: readonly string[]
}

const internal = (slug: string): boolean =>
  slug.startsWith('payload-') || slug === CONTENT_VERSIONS_SLUG

const anonymousMayRead = async (
  read: ((args: never) => unknown) | undefined,
  req: unknown,
): Promise<boolean> => {
  if (!read) return false
  try {
    return (await (read as (args: { req: unknown }) => unknown)({ req })) !== false
  } catch {
    // A rule that cannot decide without more context is treated as public: safe.
    return true
  }
}

const decide = async (payload: Payload): Promise<PublicScopes> => {
  const req = await createLocalReq({}, payload)
  const graph = dependencyGraphOf(payload.config)
  const owners = [
    ...payload.config.collections.map((collection) => ({
      slug: collection.slug,
      read: collection.access?.read,
    })),
    ...payload.config.globals.map((global) => ({ slug: global.slug, read: global.access?.read })),
  ]
  const slugs = new Set<string>()
  for (const { slug, read } of owners) {
    if (!internal(slug) && (await anonymousMayRead(read as never, req))) slugs.add(slug)
  }
  const all = [...slugs].flatMap((slug) =>
    graph.drafts.has(slug) ? [slug, draftScope(slug)] : [slug],
  )
  return { isPublic: (slug) => slugs.has(slug), all: all.sort() }
}

const decided = new WeakMap<Payload, Promise<PublicScopes>>()

/** Decided once per Payload instance. */
export const publicScopes = (payload: Payload): Promise<PublicScopes> => {
  let scopes = decided.get(payload)
  if (!scopes) {
    scopes = decide(payload)
    decided.set(payload, scopes)
  }
  return scopes
}
