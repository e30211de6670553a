import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * A deleted document takes its per-day download statistics with it. Before the delete,
 * in its transaction: the statistics rows reference the document (NOT NULL foreign key),
 * so removing them afterwards would let the delete fail on the constraint.
 */
export const removeDownloadStats: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({
    collection: 'downloadStats',
    where: { document: { equals: id } },
    req,
  })
}
