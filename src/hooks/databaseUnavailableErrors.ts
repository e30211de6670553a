import type { AfterErrorHook } from 'payload'

import { isDatabaseUnavailable } from '../database/unavailable'
import { message } from '../i18n/messages'

/**
 * The database cannot be reached or cannot serve (stopped, restarting, out of
 * connections, locked): not the client's mistake and not a bug, but a moment to try
 * again. REST and GraphQL answer 503 with a Dutch/English message instead of 500;
 * the express layer adds Retry-After (src/http/api/databaseTrouble.ts).
 */
export const databaseUnavailableErrors: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!isDatabaseUnavailable(error)) return
  const text = message('databaseUnavailable', req)
  return {
    status: 503,
    response: { errors: [{ message: text, extensions: { code: 'DATABASE_UNAVAILABLE' } }] },
    graphqlResult: graphqlResult
      ? {
          ...graphqlResult,
          message: text,
          extensions: { ...graphqlResult.extensions, statusCode: 503, code: 'DATABASE_UNAVAILABLE' },
        }
      : undefined,
  }
}
