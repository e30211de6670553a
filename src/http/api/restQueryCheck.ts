import type { NextFunction, Request, Response } from 'express'

import type { Runtime } from '../../runtime/bridge'
import { sendError } from '../errors'
import { invalidRestQuery, type QueryRules, queryRulesOf } from './queryChecks'

/**
 * Refuses a REST request whose path or query Payload would pass on to the database
 * adapter unchecked (see queryChecks.ts) with a 400 in Payload's error shape, before
 * the response cache or Payload see it.
 */
export const restQueryCheck = (runtime: () => Promise<Runtime> | undefined) => {
  let rules: QueryRules | undefined
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const started = runtime()
    if (!started) return next()
    rules ??= queryRulesOf((await started).payload)
    const url = req.originalUrl
    const queryStart = url.indexOf('?')
    const reason = invalidRestQuery(req.path, queryStart >= 0 ? url.slice(queryStart) : '', rules)
    if (!reason) return next()
    console.info(`Refused query (${reason}): ${req.method} ${url.slice(0, 300)}`)
    sendError(req, res, 400, 'queryInvalid')
  }
}
