import type { PayloadHandler, PayloadRequest } from 'payload'

type PublicError = Error & { status?: number; data?: unknown; isPublic?: boolean }

/**
 * Wraps a custom endpoint so its APIErrors leave in Payload's error shape
 * ({ errors: [{ name, message, data }] }) with their status. Payload's own
 * formatter checks `instanceof`, which fails here: Next bundles `payload` once for
 * the instrumentation (where this config is loaded) and once for the API route,
 * so field-level `data` of a ValidationError would be dropped.
 */
export const withErrorShape =
  (handler: PayloadHandler): PayloadHandler =>
  async (req: PayloadRequest) => {
    try {
      return await handler(req)
    } catch (caught) {
      const err = caught as PublicError
      if (!err?.isPublic || typeof err.status !== 'number' || err.status >= 500) throw caught
      return Response.json(
        {
          errors: [
            { name: err.name, message: err.message, ...(err.data ? { data: err.data } : {}) },
          ],
        },
        { status: err.status },
      )
    }
  }
