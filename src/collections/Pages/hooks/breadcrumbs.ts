import type {
  CollectionAfterChangeHook,
  CollectionAfterReadHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
  TypedLocale,
} from 'payload'

/**
 * Breadcrumbs of nested pages, per locale, from the parents' published state.
 *
 * Why not @payloadcms/plugin-nested-docs (which does the same per locale): it fills in a
 * new page's own crumb by saving the page a second time after create — a second version,
 * audit entry and webhook delivery for every new page — and it re-saves children in the
 * locale of the change only, while a slug (not localized) shows in every locale's paths.
 * The shape of the field is the plugin's (doc, url, label; localized), so switching
 * later is a config change.
 */
type Crumb = { id?: string | null; doc?: number | string | null; url: string; label: string }

const MAX_DEPTH = 10
/** The id of a relationship value, populated or not. */
export const idOf = (value: unknown): number | string | undefined =>
  value && typeof value === 'object'
    ? (value as { id: number | string }).id
    : (value as number | string | undefined)

/**
 * Walks up the parent chain in the locale being saved, reading each parent as the
 * public sees it (published, not its newer draft). Stops at cycles and at MAX_DEPTH.
 */
const ancestors = async (parentId: unknown, req: PayloadRequest, selfId?: number | string) => {
  const chain: { id: number | string; slug: string; title: string }[] = []
  const seen = new Set([String(selfId)])
  let next = idOf(parentId)
  while (next !== undefined && next !== null && chain.length < MAX_DEPTH) {
    if (seen.has(String(next))) break
    seen.add(String(next))
    const parent = await req.payload
      .findByID({
        collection: 'pages',
        id: next,
        depth: 0,
        draft: false,
        locale: req.locale as TypedLocale,
        req,
        disableErrors: true,
      })
      .catch(() => null)
    if (!parent) break
    chain.unshift({ id: parent.id, slug: parent.slug ?? '', title: parent.title ?? '' })
    next = idOf(parent.parent)
  }
  return chain
}

/**
 * Stores the path of a nested page ("/over-ons/team") and its crumbs' titles in the
 * locale being saved. Row ids of the crumbs already there are kept, so a save (or an
 * autosave from the admin, which sends the rows it has) updates rows instead of adding them.
 */
export const populateBreadcrumbs: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
}) => {
  const parent = data.parent !== undefined ? data.parent : originalDoc?.parent
  const chain = await ancestors(parent, req, originalDoc?.id)
  const self = {
    id: originalDoc?.id,
    slug: data.slug ?? originalDoc?.slug ?? '',
    title: data.title ?? originalDoc?.title ?? '',
  }
  const existing = ((data.breadcrumbs ?? originalDoc?.breadcrumbs ?? []) as Crumb[]) || []
  const crumbs: Crumb[] = []
  let url = ''
  for (const [index, node] of [...chain, self].entries()) {
    url = `${url}/${node.slug}`
    const kept = existing[index]?.id
    crumbs.push({ ...(kept ? { id: kept } : {}), doc: node.id ?? null, url, label: node.title })
  }
  return { ...data, breadcrumbs: crumbs }
}

/**
 * When a published page's slug, title or parent changes, its children's stored paths
 * change too, in every locale (titles are per locale, the slug is shared). A draft of a
 * parent changes nothing public, so its children are left alone until it is published.
 */
export const resaveChildren: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  if (context?.skipResaveChildren) return doc
  if (doc._status !== 'published') return doc
  if (
    previousDoc &&
    previousDoc._status === 'published' &&
    previousDoc.slug === doc.slug &&
    previousDoc.title === doc.title &&
    idOf(previousDoc.parent) === idOf(doc.parent)
  )
    return doc
  const locales = req.payload.config.localization
    ? req.payload.config.localization.localeCodes
    : [req.locale]
  for (const locale of locales) {
    // A child not translated into a locale is left alone there: its crumbs in that locale
    // fall back to the default locale's (and a save would fail on its missing title).
    const children = await req.payload.find({
      collection: 'pages',
      where: { parent: { equals: doc.id } },
      depth: 0,
      limit: 100,
      draft: true,
      locale: locale as TypedLocale,
      fallbackLocale: false,
      req,
    })
    for (const child of children.docs) {
      if (!child.title) continue
      await req.payload.update({
        collection: 'pages',
        id: child.id,
        data: {},
        depth: 0,
        locale: locale as TypedLocale,
        draft: child._status !== 'published',
        req,
      })
    }
  }
  return doc
}

/**
 * A page's own (last) crumb refers to the page itself. A new page is stored before it has
 * an id, so its own crumb is saved without one; filling it in on read spares a second
 * save (and version, audit entry and webhook) per new page. Handles `locale=all`, where
 * the crumbs come per locale.
 */
export const ownCrumbIsThePage: CollectionAfterReadHook = ({ doc }) => {
  const fill = (crumbs: unknown) => {
    if (!Array.isArray(crumbs) || !crumbs.length) return
    const own = crumbs[crumbs.length - 1] as Crumb | null
    if (own && (own.doc === null || own.doc === undefined)) own.doc = doc.id
  }
  const crumbs = doc?.breadcrumbs
  if (Array.isArray(crumbs)) fill(crumbs)
  else if (crumbs && typeof crumbs === 'object') Object.values(crumbs).forEach(fill)
  return doc
}
