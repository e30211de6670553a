import { APIError, NotFound, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'

/**
 * Payload turns the id of `/api/<collection>/<id>` into a number with parseFloat:
 * "abc" becomes NaN (the database then throws, a 500) and "1 OR 1=1" becomes 1
 * (another document answers). With numeric ids only digits name a document.
 * It also passes a JSON body of `null`, `"text"` or `[…]` on as the document data,
 * which crashes the field hooks. Both are the client's mistake: 404 and 400.
 */
export const rejectMalformedInput: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const rawId = req.routeParams?.id
  if (typeof rawId === 'string' && req.payload.db.defaultIDType === 'number' && !/^\d{1,15}$/.test(rawId)) {
    throw new NotFound(req.t)
  }
  if ((operation === 'create' || operation === 'update') && 'data' in args) {
    const { data } = args as { data?: unknown }
    if (data !== undefined && (data === null || typeof data !== 'object' || Array.isArray(data))) {
      throw new APIError('De body moet een JSON-object zijn. / The body must be a JSON object.', 400, undefined, true)
    }
  }
  return args
}

/** Adds the hook to a collection, first in line, keeping its own hooks. */
export const withInputChecks = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [rejectMalformedInput, ...(collection.hooks?.beforeOperation ?? [])],
  },
})
