import type { CollectionConfig, Endpoint, PayloadRequest } from 'payload'

import { isEditor } from '../../access/roles'
import { publicSiteUrl } from '../../utilities/publicSiteUrl'
import { signPreviewToken } from '../../utilities/previewToken'

type PreviewCollection = 'pages' | 'projects'

/**
 * Draft preview for a frontend: `${PUBLIC_SITE_URL}/api/preview?collection=…&slug=…&locale=…&token=…`.
 * The frontend's preview route passes the token on to the CMS as `X-Preview-Token`
 * (or `?previewToken=`) and then gets exactly this document's draft; see
 * src/access/contentRead.ts and src/utilities/previewToken.ts.
 */
export const previewLink = async (
  req: PayloadRequest,
  collection: PreviewCollection,
  doc: { id?: unknown; slug?: unknown },
  locale?: string,
): Promise<{ url: string; token: string; expiresAt: string } | null> => {
  if (doc.id === undefined || doc.id === null) return null
  const { token, expiresAt } = signPreviewToken(collection, String(doc.id))
  const params = new URLSearchParams({ collection, id: String(doc.id) })
  if (typeof doc.slug === 'string' && doc.slug) params.set('slug', doc.slug)
  if (locale) params.set('locale', locale)
  params.set('token', token)
  return { url: `${await publicSiteUrl(req)}/api/preview?${params.toString()}`, token, expiresAt: expiresAt.toISOString() }
}

const errorResponse = (status: number, message: string): Response =>
  Response.json({ errors: [{ message }] }, { status })

/** `GET /api/<collection>/:id/preview-url` for editors: `{ url, token, expiresAt }`. */
const previewUrlEndpoint = (collection: PreviewCollection): Endpoint => ({
  path: '/:id/preview-url',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, req.t('error:unauthorized'))
    if (!isEditor(req.user)) return errorResponse(403, req.t('error:notAllowedToPerformAction'))
    const id = String(req.routeParams?.id ?? '')
    const numericIds = req.payload.db.defaultIDType === 'number'
    if (!id || (numericIds && !/^\d+$/.test(id))) return errorResponse(404, req.t('error:notFound'))
    const { docs } = await req.payload.find({
      collection,
      where: { id: { equals: numericIds ? Number(id) : id } },
      draft: true,
      depth: 0,
      limit: 1,
      overrideAccess: false,
      req,
    })
    const doc = docs[0]
    if (!doc) return errorResponse(404, req.t('error:notFound'))
    const link = await previewLink(req, collection, doc, req.locale ?? undefined)
    return Response.json(link, { headers: { 'Cache-Control': 'no-store' } })
  },
})

/** The admin's preview button, live preview and the editors' preview-URL endpoint. */
export const previewConfig = (
  collection: PreviewCollection,
): { admin: Pick<NonNullable<CollectionConfig['admin']>, 'preview' | 'livePreview'>; endpoints: Endpoint[] } => ({
  admin: {
    preview: async (doc, { locale, req }) => (await previewLink(req, collection, doc, locale))?.url ?? null,
    livePreview: {
      url: async ({ data, locale, req }) => (await previewLink(req, collection, data, locale?.code))?.url ?? null,
    },
  },
  endpoints: [previewUrlEndpoint(collection)],
})
