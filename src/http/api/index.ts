import express, { type NextFunction, type Request, type Response, type Router } from 'express'

import { countQueries, queryCountEnabled } from '../../database/queryCount'
import type { Runtime } from '../../runtime/bridge'
import { apiConcurrency } from '../../utilities/env'
import { sendError } from '../errors'
import { concurrencyLimit } from '../../utilities/concurrencyLimit'
import { withDatabaseTrouble } from './databaseTrouble'
import type { ResponseCache } from '../responseCache'
import { type ApiDependencies, apiDependenciesOf } from './dependencies'
import { graphqlRoute } from './graphql'
import { restRoute } from './rest'
import { restQueryCheck } from './restQueryCheck'

/**
 * /api served by express straight into Payload's handlers: no Next.js routing on
 * the hot path. Until Payload has started (the very first request starts it
 * inside Next), requests fall through to Next's own /api routes, which use the
 * same handlers.
 */
export const apiRoutes = (options: {
  runtime: () => Promise<Runtime> | undefined
  cache: ResponseCache | undefined
}): Router => {
  const router = express.Router()
  const limited = concurrencyLimit(apiConcurrency())
  let api: Runtime['api'] | undefined
  let dependencies: ApiDependencies | undefined
  const handle =
    (route: ApiRoute) =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const started = options.runtime()
      if (!started) return next()
      try {
        const runtime = await started
        const handlers = (api ??= limitedApi(
          {
            rest: withDatabaseTrouble(runtime.payload, runtime.api.rest),
            graphql: withDatabaseTrouble(runtime.payload, runtime.api.graphql),
          },
          limited,
        ))
        dependencies ??= apiDependenciesOf(runtime.payload.config)
        const run = () => route(req, res, handlers, options.cache, dependencies!)
        if (!queryCountEnabled()) return await run()
        const counter = { queries: 0 }
        // Reported when the headers go out, which is after the handler's queries.
        const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response
        res.writeHead = ((...args: unknown[]) => {
          if (!res.headersSent) res.setHeader('X-DB-Queries', String(counter.queries))
          return writeHead(...args)
        }) as typeof res.writeHead
        await countQueries(counter, run)
      } catch (error) {
        console.error(error)
        if (!res.headersSent) sendError(req, res, 500, 'serverError')
        else res.destroy()
      }
    }
  router.options('/graphql', handle(restRoute))
  router.all('/graphql', handle(graphqlRoute))
  // The GraphQL playground is a Next page (off in production).
  router.use('/graphql-playground', (_req, _res, next) => next('router'))
  router.use(restQueryCheck(options.runtime), handle(restRoute))
  return router
}

/**
 * A route answering with Payload's handlers, through the response cache when there is
 * one; `dependencies` tells the cache what an anonymous answer depends on.
 */
export type ApiRoute = (
  req: Request,
  res: Response,
  api: Runtime['api'],
  cache: ResponseCache | undefined,
  dependencies: ApiDependencies,
) => Promise<void>

/** Payload's handlers, run at most API_CONCURRENCY at a time (see ./concurrencyLimit.ts). */
const limitedApi = (
  api: Runtime['api'],
  limited: ReturnType<typeof concurrencyLimit>,
): Runtime['api'] => ({
  rest: (request) => limited(() => api.rest(request)).then(notImplementedAsNotFound),
  graphql: (request) => limited(() => api.graphql(request)),
})

/**
 * Payload answers 501 "Cannot GET …" for a collection without REST routes (its internal
 * ones: payload-migrations…): for a client that is an unknown address, a 404.
 */
const notImplementedAsNotFound = (response: globalThis.Response): globalThis.Response =>
  response.status === 501
    ? globalThis.Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404, headers: { 'Cache-Control': 'no-store' } })
    : response
