/**
 * The JSON body of a revalidation webhook. Collection events carry the document's id
 * and slug; a global's event names the global. `locales` are the locales whose public
 * content may have changed: publication status and unlocalized fields are shared, so
 * every event concerns all locales.
 */
export type RevalidationEvent = {
  event: 'publish' | 'unpublish' | 'delete' | 'update'
  collection?: string
  global?: string
  id?: number | string
  slug?: string | null
  /** Set when a publish moved the document to a new slug: the old URL is gone. */
  previousSlug?: string | null
  /** Pages only: the public path from the breadcrumbs (parents' slugs included). */
  path?: string | null
  locales: string[]
  occurredAt: string
}
