import type { FieldHook } from 'payload'

/**
 * Draft reads (the admin, previews) come from the versions table, whose copy of the
 * counter stops at the last save. The live count is on the main row: read it there.
 */
export const liveDownloadCount: FieldHook = async ({ value, originalDoc, req }) => {
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
