import type { Request } from 'express'

const WRITES = new Set(['POST', 'PATCH', 'PUT'])

/**
 * The URL Payload gets for a write: the answer to a write shows the written locale's own
 * values, never another locale's fallback (issue 9, locale integrity). Payload answers a
 * write read back with the configured fallback, and its admin publish button sends no
 * `fallback-locale`, takes that answer into the form, and the next autosave stores the
 * Dutch fallback text as English. A client that asks for a fallback explicitly still gets it.
 */
export const noFallbackOnWrite = (req: Request): string | undefined => {
  if (!WRITES.has(req.method)) return undefined
  const query = req.originalUrl.indexOf('?')
  if (query < 0) return undefined // no locale asked for: the default locale, which has no fallback
  const params = new URLSearchParams(req.originalUrl.slice(query + 1))
  if (!params.has('locale') || params.has('fallback-locale') || params.has('fallbackLocale')) return undefined
  params.set('fallback-locale', 'none')
  return `${req.originalUrl.slice(0, query)}?${params.toString()}`
}
