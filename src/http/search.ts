import type { Request, Response } from 'express'

import type { Runtime } from '../runtime/bridge'
import { search, SearchInputError } from '../search/search'
import { searchSupported } from '../search/store'
import { restCacheKey } from './api/cacheKeys'
import type { ResponseCache } from './responseCache'

/**
 * GET /api/search?q=…&type=pages,projects,documents&locale=nl&page=1: the public's
 * search (src/search). The same answer for everyone (published content only), so it is
 * cached like an anonymous API read and depends on exactly the searchable collections.
 */
export const SEARCH_DEPENDS_ON = ['pages', 'projects', 'documents'] as const

const json = (status: number, body: unknown): globalThis.Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
    },
  })

export const searchRoute =
  (runtime: () => Promise<Runtime> | undefined, cache: ResponseCache | undefined) =>
  async (req: Request, res: Response): Promise<void> => {
    const started = runtime()
    if (!started) {
      res
        .status(503)
        .json({ errors: [{ message: 'De server start nog; probeer het zo opnieuw.' }] })
      return
    }
    const { payload } = await started
    // The index lives in SQL (tsvector / FTS5); on MongoDB there is none: say so, not 500.
    if (!searchSupported(payload)) {
      res.status(501).json({
        errors: [
          {
            message:
              'Zoeken is op deze database niet beschikbaar (alleen SQLite en Postgres). / Search is not available on this database (SQLite and Postgres only).',
          },
        ],
      })
      return
    }
    const query = new URL(req.originalUrl, 'http://localhost').searchParams
    const input = {
      q: query.get('q') ?? undefined,
      type: query.get('type') ?? undefined,
      locale: query.get('locale') ?? undefined,
      page: query.get('page') ?? undefined,
      limit: query.get('limit') ?? undefined,
    }
    const produce = async () => {
      try {
        return json(200, await search(payload, input))
      } catch (error) {
        if (!(error instanceof SearchInputError)) throw error
        return json(400, {
          errors: [
            {
              name: 'ValidationError',
              message: error.message,
              data: { errors: [{ path: error.path, message: error.message }] },
            },
          ],
        })
      }
    }
    if (!cache) {
      const answer = await produce()
      res.status(answer.status)
      answer.headers.forEach((value, name) => res.setHeader(name, value))
      res.send(Buffer.from(await answer.arrayBuffer()))
      return
    }
    await cache.serve(req, res, {
      key: restCacheKey(req.originalUrl, req.headers.origin),
      dependsOn: SEARCH_DEPENDS_ON,
      produce,
    })
  }
