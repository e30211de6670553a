import type { AfterErrorHook } from 'payload'

/** Busboy's messages for a multipart body that ends early or has no valid parts. */
const BROKEN_MULTIPART = /^(Unexpected end of form|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form)/

/**
 * Two kinds of unreadable request that Payload reports as 500:
 * - a `where` (or `data`) query string that is not JSON: Payload's parseParams
 *   calls JSON.parse on it outside any check, a SyntaxError;
 * - a broken multipart upload body: Payload wraps busboy's error in an APIError
 *   without a status.
 * Both are the client's mistake: 400 in Payload's error shape.
 */
export const malformedRequestErrors: AfterErrorHook = ({ error, req }) => {
  if ((error as { status?: number }).status && (error as { status?: number }).status! < 500) return
  const query = (req.query ?? {}) as Record<string, unknown>
  const jsonQuery = typeof query.where === 'string' || typeof query.data === 'string'
  if (error instanceof SyntaxError && jsonQuery) {
    return { status: 400, response: { errors: [{ message: 'Ongeldige JSON in de zoekopdracht. / Invalid JSON in the query.' }] } }
  }
  if (BROKEN_MULTIPART.test(error.message ?? '')) {
    return { status: 400, response: { errors: [{ message: 'Onleesbare upload (multipart). / Unreadable upload (multipart).' }] } }
  }
  return
}
