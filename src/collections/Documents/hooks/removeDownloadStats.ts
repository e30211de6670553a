import type { CollectionAfterDeleteHook } from 'payload'

/** A deleted document takes its per-day download statistics with it. */
export const removeDownloadStats: CollectionAfterDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({
    collection: 'downloadStats',
    where: { document: { equals: id } },
    req,
  })
}
