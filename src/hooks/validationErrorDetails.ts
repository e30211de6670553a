import type { AfterErrorHook } from 'payload'

type FieldErrors = { errors: { path: string; message: string }[] }

const hasFieldErrors = (data: unknown): data is FieldErrors =>
  typeof data === 'object' && data !== null && Array.isArray((data as FieldErrors).errors)

/**
 * Keeps the field-level errors of a validation failure in the REST response
 * (`errors[0].data.errors[{ path, message }]`), so API clients can show a message at the field.
 * In the production bundle Payload's own formatter does not recognise its ValidationError
 * (`instanceof` fails across bundle chunks) and drops `data`; this restores Payload's documented shape.
 */
export const validationErrorDetails: AfterErrorHook = ({ error, result }) => {
  const { data, status } = error as Error & { data?: unknown; status?: number }
  if (status !== 400 || !hasFieldErrors(data) || !result || 'data' in (result.errors?.[0] ?? {})) return
  return { response: { errors: [{ name: 'ValidationError', message: error.message, data }] }, status }
}
