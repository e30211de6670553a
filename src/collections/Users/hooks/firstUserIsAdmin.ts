import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The first account (Payload's first-register flow on an empty database)
 * becomes administrator; every later account gets the roles an admin gives it.
 */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
