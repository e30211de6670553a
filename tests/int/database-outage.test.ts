import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { registerFirstAdmin, request } from '../helpers/api'
import { waitFor } from '../helpers/cluster'
import { startPrivatePostgres, type PrivatePostgres } from '../helpers/privatePostgres'
import { startServer, type TestServer } from '../helpers/server'

/**
 * With the database down (a Postgres server of this test's own, stopped and started
 * again): 503 with Retry-After for REST and GraphQL, never 500 or 403; anonymous reads
 * already in the response cache are served from it, marked stale; exact answers and
 * writes resume when it is back. Postgres only: the shared server must never be stopped.
 */
const onPostgres = process.env.TEST_DB === 'postgres'
const suite = onPostgres ? describe : describe.skip

let database: PrivatePostgres
let server: TestServer
let token: string

beforeAll(async () => {
  if (!onPostgres) return
  database = await startPrivatePostgres()
  server = await startServer({ DATABASE_POOL_MAX: '3' }, { databaseUri: database.url })
  token = await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
  database?.destroy()
})

const cachedPath = '/api/pages?where[slug][equals]=over-koers-en-kansen&depth=0'

suite('database outage', () => {
  it('answers 503 with Retry-After, serves cached reads stale, and recovers', async () => {
    const warm = await request(server.url, cachedPath)
    expect(warm.status).toBe(200)
    expect((await request(server.url, cachedPath)).headers.get('x-cache')).toBe('HIT')

    database.stop()
    try {
      await waitFor('/readyz to fail', async () => (await request(server.url, '/readyz')).status === 503, 15_000)

      const stale = await request(server.url, cachedPath)
      expect(stale.status).toBe(200)
      expect(stale.body).toEqual(warm.body)
      expect(stale.headers.get('warning')).toMatch(/^110 /)
      expect(stale.headers.get('cache-status')).toMatch(/stale/)
      expect(stale.headers.get('cache-control')).toBe('no-cache')

      const uncached = await request(server.url, '/api/projects?limit=3&depth=0')
      expect(uncached.status).toBe(503)
      expect(uncached.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(uncached.body.errors[0].message).toMatch(/database is even niet bereikbaar/)
      const english = await request(server.url, '/api/projects?limit=4', { headers: { 'Accept-Language': 'en' } })
      expect(english.status).toBe(503)
      expect(english.body.errors[0].message).toMatch(/database is unavailable/)

      const write = await request(server.url, '/api/pages', { method: 'POST', json: { title: 'Tijdens storing' }, token })
      expect(write.status).toBe(503)
      expect(write.headers.get('retry-after')).toMatch(/^\d+$/)

      const anonymousWrite = await request(server.url, '/api/pages', { method: 'POST', json: { title: 'x' } })
      expect(anonymousWrite.status).toBe(503)

      const gql = await request(server.url, '/api/graphql', {
        method: 'POST',
        json: { query: '{ Projects(limit: 2) { docs { title } } }' },
      })
      expect({ status: gql.status, body: gql.body }).toMatchObject({ status: 503 })
      expect(gql.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(gql.body.errors.length).toBeGreaterThan(0)

      expect((await request(server.url, '/healthz')).status).toBe(200)
    } finally {
      database.start()
    }

    await waitFor('/readyz to recover', async () => (await request(server.url, '/readyz')).status === 200, 30_000)
    const fresh = await waitFor(
      'exact answers again',
      async () => {
        const res = await request(server.url, cachedPath)
        return res.status === 200 && !res.headers.get('warning') ? res : undefined
      },
      15_000,
    )
    expect(fresh.headers.get('x-cache')).toMatch(/HIT|MISS/)
    const write = await waitFor(
      'writes again',
      async () => {
        const res = await request(server.url, '/api/pages', { method: 'POST', json: { title: 'Na storing' }, token })
        return res.status === 201 || res.status === 200 ? res : undefined
      },
      15_000,
    )
    expect(write.body.doc.title).toBe('Na storing')
  })
})
