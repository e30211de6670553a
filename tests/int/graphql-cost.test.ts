import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * GraphQL cost control (issue 10): queries built to make the server work
 * exponentially or without end are refused with a 400 before they run, and a
 * request past its wall-clock budget is stopped with a 503.
 */

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  await server?.stop()
})

const post = (query: string, language = 'nl') =>
  request(server.url, '/api/graphql', {
    method: 'POST',
    json: { query },
    headers: { 'Accept-Language': language },
  })

/** Fragments that each spread the next one twice: 2^levels selections from a short text. */
const fanOut = (levels: number): string => {
  const fragments = ['fragment F0 on Page { title }']
  for (let level = 1; level <= levels; level += 1)
    fragments.push(`fragment F${level} on Page { ...F${level - 1} ...F${level - 1} }`)
  return `{ Pages(limit: 1) { docs { ...F${levels} } } }\n${fragments.join('\n')}`
}

const aliases = (count: number, selection = 'Page(id: 1) { title }') =>
  Array.from({ length: count }, (_, index) => `a${index}: ${selection}`).join(' ')

describe('GraphQL cost control', () => {
  it('refuses fragments fanning out 30 levels deep with 400, and the server stays responsive', async () => {
    const query = fanOut(30)
    expect(query.length).toBeLessThan(2000)
    const [res, health] = await Promise.all([post(query), request(server.url, '/healthz')])
    expect(res.status).toBe(400)
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_QUERY_TOO_EXPENSIVE')
    expect(res.body.errors[0].message).toMatch(/te duur/)
    expect(health.status).toBe(200)
  })

  it('answers a shallow fan-out normally', async () => {
    const res = await post(fanOut(3))
    expect(res.status).toBe(200)
    expect(res.body.data.Pages.docs[0].title).toEqual(expect.any(String))
  })

  it.each([
    ['A ↔ B', '{ Pages { docs { ...A } } } fragment A on Page { title ...B } fragment B on Page { slug ...A }'],
    ['A → A', '{ Pages { docs { ...A } } } fragment A on Page { title ...A }'],
    [
      'A → B → C → A',
      '{ Pages { docs { ...A } } } fragment A on Page { ...B } fragment B on Page { ...C } fragment C on Page { id ...A }',
    ],
  ])('refuses a fragment cycle (%s) with 400 in the usual error shape', async (_name, query) => {
    const dutch = await post(query)
    expect(dutch.status).toBe(400)
    expect(dutch.headers.get('content-type')).toMatch(/json/)
    expect(dutch.body.errors[0].message).toMatch(/verwijst .* naar zichzelf/)
    expect(dutch.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
    const english = await post(query, 'en')
    expect(english.status).toBe(400)
    expect(english.body.errors[0].message).toMatch(/spreads itself/)
  })

  it('prices single-document lookups and aliases: 500 × Page(id: 1) is refused, 5 are answered', async () => {
    const many = await post(`{ ${aliases(500)} }`)
    expect(many.status).toBe(400)
    expect(many.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_QUERY_TOO_EXPENSIVE', maxCost: 5000 })
    const english = await post(`{ ${aliases(500)} }`, 'en')
    expect(english.body.errors[0].message).toMatch(/too expensive/)
    const few = await post(`{ ${aliases(5)} }`)
    expect(few.status).toBe(200)
    expect(Object.keys(few.body.data)).toHaveLength(5)
  })

  it('prices aliases hidden in a fragment on the root type the same', async () => {
    const res = await post(`{ ...Many } fragment Many on Query { ${aliases(500)} }`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_QUERY_TOO_EXPENSIVE')
  })

  it('prices related documents: many aliased relationship lookups are refused', async () => {
    const res = await post(`{ Pages(limit: 1) { docs { ${aliases(300, 'parent { id }')} } } }`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_QUERY_TOO_EXPENSIVE')
  })

  it('refuses a query of more than GRAPHQL_MAX_TOKENS tokens', async () => {
    const res = await post(`{ Pages { docs { ${'title '.repeat(12_000)} } } }`)
    expect(res.status).toBe(400)
    expect(res.body.errors.length).toBeGreaterThan(0)
  })

  it('applies the same limits over GET', async () => {
    // 100 aliases: a longer URL is refused by the HTTP server itself (431).
    const res = await request(server.url, `/api/graphql?query=${encodeURIComponent(`{ ${aliases(100)} }`)}`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_QUERY_TOO_EXPENSIVE')
  })
})

describe('GraphQL wall-clock budget', () => {
  let slow: TestServer
  beforeAll(async () => {
    // A budget no real query meets: every request with database work runs out of it.
    slow = await startServer({ GRAPHQL_TIMEOUT_MS: '1', API_CACHE: 'false' })
  })
  afterAll(async () => {
    await slow?.stop()
  })

  it('stops a request past GRAPHQL_TIMEOUT_MS with 503 and Retry-After; the server keeps serving', async () => {
    const res = await request(slow.url, '/api/graphql', {
      method: 'POST',
      json: { query: `{ ${aliases(20, 'Pages(limit: 50) { docs { title parent { title } } }')} }` },
    })
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_TIMEOUT')
    expect(res.body.errors[0].message).toMatch(/duurde te lang/)
    expect((await request(slow.url, '/api/pages?limit=1')).status).toBe(200)
    expect((await request(slow.url, '/healthz')).status).toBe(200)
  })
})
