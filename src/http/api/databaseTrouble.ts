import type { Payload } from 'payload'

import { databaseAnswers, isDatabaseUnavailable } from '../../database/unavailable'
import { languageOf, messageIn } from '../../i18n/messages'
import { intFromEnv } from '../../utilities/env'

const retryAfter = (): string => String(intFromEnv('DATABASE_RETRY_AFTER_SECONDS', 5))

/**
 * Database trouble is a 503 with Retry-After, never a 500, 401 or 403 (issue 10):
 * - a 503 from Payload (src/hooks/databaseUnavailableErrors.ts) gets Retry-After;
 * - a 500, 401 or 403 is checked against the database: when it does not answer, the
 *   failure was the database's (a session lookup or access check that could not
 *   query it reads as "not allowed") and the answer becomes a 503;
 * - a handler that throws a database error answers 503 too.
 */
export const withDatabaseTrouble =
  (payload: Payload, handler: (request: Request) => Promise<Response>) =>
  async (request: Request): Promise<Response> => {
    const language = languageOf(request.headers.get('accept-language') ?? undefined)
    let response: Response
    try {
      response = await handler(request)
    } catch (error) {
      if (isDatabaseUnavailable(error)) return unavailable(language)
      throw error
    }
    const status = response.status
    if (status === 503 && !response.headers.has('retry-after')) {
      const headers = new Headers(response.headers)
      headers.set('Retry-After', retryAfter())
      headers.set('Cache-Control', 'no-store')
      return new Response(response.body, { status, headers })
    }
    if ((status === 500 || status === 401 || status === 403) && !(await databaseAnswers(payload))) {
      await response.body?.cancel()
      return unavailable(language)
    }
    return response
  }

export const unavailable = (language: 'nl' | 'en'): Response =>
  Response.json(
    { errors: [{ message: messageIn('databaseUnavailable', language), extensions: { code: 'DATABASE_UNAVAILABLE' } }] },
    { status: 503, headers: { 'Retry-After': retryAfter(), 'Cache-Control': 'no-store' } },
  )
