import type { FieldHook } from 'payload'

/**
 * Draft reads (the admin, previews) come from the versions table, whose copy of the
 * counter stops at the last save. The live count is on the main row: read it there.
 */
export const liveDownloadCount: FieldHook = async ({ value, originalDoc, req, draft }) => {
  // Published reads come from the main row already: no extra query on the public path.
  if (!draft) return value ?? 0
  const id = originalDoc?.id
  if (id === undefined || id === null) return value
  const live = await req.payload.db.findOne<{ id: number | string; downloadCount?: number | null }>({
    collection: 'documents',
    where: { id: { equals: id } },
    select: { downloadCount: true },
    req,
  })
  return live?.downloadCount ?? value ?? 0
}
