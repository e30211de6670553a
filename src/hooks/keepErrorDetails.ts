import type { AfterErrorHook } from 'payload'

type DetailedError = Error & { status?: number; data?: unknown }

/**
 * Puts the field details (`data.errors[].message`, e.g. "De einddatum mag niet voor
 * de startdatum liggen.") back into a 4xx REST error. Payload's formatter only adds
 * them when `error instanceof ValidationError` holds, and inside the Next bundle the
 * error can come from another copy of the class, so editors got only the generic
 * "Het volgende veld is ongeldig: …". Server errors (5xx) are left alone: their
 * details stay hidden.
 */
export const keepErrorDetails: AfterErrorHook = ({ error, result }) => {
  const { status, data } = error as DetailedError
  if (!result || !data || typeof status !== 'number' || status >= 500) return
  const [first] = result.errors ?? []
  if (!first || 'data' in first) return
  // The formatter falls back to "An unknown error occurred." for errors without a name.
  const message = error.message || first.message
  return { response: { errors: [{ ...(error.name ? { name: error.name } : {}), data: data as Record<string, unknown>, message }] } }
}
