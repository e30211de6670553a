import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The download counter lives on the main document row and is raised by the download
 * route without creating versions. A later save (e.g. publishing a draft) would write
 * back the count from the version it started from, so take the live value instead.
 */
export const keepDownloadCount: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  if (operation !== 'update' || !originalDoc?.id) return { ...data, downloadCount: 0 }
  const live = await req.payload.db.findOne<{ id: number | string; downloadCount?: number | null }>({
    collection: 'documents',
    where: { id: { equals: originalDoc.id } },
    req,
  })
  return { ...data, downloadCount: live?.downloadCount ?? 0 }
}
