/**
 * A page's public path: the url of its last crumb ("/over-ons/team"). Breadcrumbs are
 * per locale; read with `locale=all` the field holds one list per locale instead of a
 * list. The path is the same in every locale (slugs are shared), so the default
 * locale's list, or any, will do.
 */
export const pagePath = (doc: { breadcrumbs?: unknown }): string | undefined => {
  const crumbs = doc.breadcrumbs
  const list = Array.isArray(crumbs)
    ? crumbs
    : crumbs && typeof crumbs === 'object'
      ? ((crumbs as Record<string, unknown>).nl ?? Object.values(crumbs)[0])
      : undefined
  const url = Array.isArray(list) ? (list.at(-1) as { url?: unknown } | undefined)?.url : undefined
  return typeof url === 'string' && url ? url : undefined
}
