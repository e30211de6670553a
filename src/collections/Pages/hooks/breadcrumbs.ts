import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

type Crumb = { doc: number | string; url: string; label: string }

const MAX_DEPTH = 10
const idOf = (value: unknown): number | string | undefined =>
  value && typeof value === 'object' ? (value as { id: number | string }).id : (value as any)

/** Walks up the parent chain; stops at cycles and at MAX_DEPTH. */
const ancestors = async (parentId: unknown, req: PayloadRequest, selfId?: number | string) => {
  const chain: { id: number | string; slug: string; title: string }[] = []
  const seen = new Set([String(selfId)])
  let next = idOf(parentId)
  while (next !== undefined && next !== null && chain.length < MAX_DEPTH) {
    if (seen.has(String(next))) break
    seen.add(String(next))
    const parent = await req.payload
      .findByID({ collection: 'pages', id: next, depth: 0, draft: true, req, disableErrors: true })
      .catch(() => null)
    if (!parent) break
    chain.unshift({ id: parent.id, slug: parent.slug ?? '', title: parent.title ?? '' })
    next = idOf(parent.parent)
  }
  return chain
}

/** Stores the path of a nested page ("/over-ons/team") so the frontend needs no extra lookups. */
export const populateBreadcrumbs: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const parent = data.parent !== undefined ? data.parent : originalDoc?.parent
  const chain = await ancestors(parent, req, originalDoc?.id)
  const self = { id: originalDoc?.id, slug: data.slug ?? originalDoc?.slug ?? '', title: data.title ?? originalDoc?.title ?? '' }
  const crumbs: Crumb[] = []
  let url = ''
  for (const node of [...chain, self]) {
    url = `${url}/${node.slug}`
    crumbs.push({ doc: node.id, url, label: node.title })
  }
  return { ...data, breadcrumbs: crumbs.map((crumb) => ({ ...crumb, doc: crumb.doc ?? undefined })) }
}

/** When a page's slug or title changes, its children's stored paths change too. */
export const resaveChildren: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  if (context?.skipResaveChildren) return doc
  if (previousDoc && previousDoc.slug === doc.slug && previousDoc.title === doc.title) return doc
  const children = await req.payload.find({
    collection: 'pages',
    where: { parent: { equals: doc.id } },
    depth: 0,
    limit: 100,
    draft: true,
    req,
  })
  for (const child of children.docs) {
    await req.payload.update({
      collection: 'pages',
      id: child.id,
      data: {},
      depth: 0,
      draft: child._status !== 'published',
      req,
    })
  }
  return doc
}
