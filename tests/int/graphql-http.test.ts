import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { checkResponsesAgainstContract, request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * GraphQL over HTTP: GET for cacheable URLs, limits that refuse expensive
 * queries with a 400 before they run, and persisted queries (a hash instead of
 * the query text).
 */

let server: TestServer

beforeAll(async () => {
  server = await startServer({ GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_COMPLEXITY: '200' })
  checkResponsesAgainstContract()
})

afterAll(async () => {
  await server?.stop()
})

const getQuery = (query: string, extra = '') =>
  request(server.url, `/api/graphql?query=${encodeURIComponent(query)}${extra}`)

const nested = (levels: number): string => {
  let selection = '{ id }'
  for (let level = 0; level < levels; level += 1) selection = `{ id parent ${selection} }`
  return `{ Pages(limit: 1) { docs ${selection} } }`
}

describe('GraphQL over GET', () => {
  it('answers a query, and the repeat comes from the cache', async () => {
    const query = '{ Pages(sort: "title") { docs { title slug } } }'
    const first = await getQuery(query)
    expect(first.status).toBe(200)
    expect(first.body.data.Pages.docs.map((doc: { slug: string }) => doc.slug)).toEqual(
      expect.arrayContaining(['wat-is-koers-en-kansen', 'over-koers-en-kansen']),
    )
    const again = await getQuery(query)
    expect(again.headers.get('x-cache')).toBe('HIT')
    expect(again.text).toBe(first.text)
  })

  it('gives the same data as POST', async () => {
    const query = '{ Pages(sort: "slug") { docs { slug } } }'
    const viaGet = await getQuery(query)
    const viaPost = await request(server.url, '/api/graphql', { method: 'POST', json: { query } })
    expect(viaPost.status).toBe(200)
    expect(viaGet.body).toEqual(viaPost.body)
  })

  it('refuses a mutation over GET with 405', async () => {
    const res = await getQuery('mutation { createPage(data: { title: "Nee" }) { id } }')
    expect(res.status).toBe(405)
    expect(res.body.errors.length).toBeGreaterThan(0)
  })

  it('answers a syntax error with 400 and the error', async () => {
    const res = await getQuery('{ Pages { docs { title }')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/Syntax Error/)
  })
})

describe('limits', () => {
  it('accepts a query within the depth limit', async () => {
    const res = await getQuery(nested(5))
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
  })

  it('refuses a query nested deeper than GRAPHQL_MAX_DEPTH with 400, in Dutch and in English', async () => {
    const res = await request(server.url, '/api/graphql', {
      method: 'POST',
      json: { query: nested(9) },
    })
    expect(res.status).toBe(400)
    expect(res.body.data).toBeUndefined()
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_QUERY_TOO_DEEP')
    expect(res.body.errors[0].message).toMatch(/te diep genest .*maximaal 8/)
    const english = await request(server.url, '/api/graphql', {
      method: 'POST',
      json: { query: nested(9) },
      headers: { 'Accept-Language': 'en' },
    })
    expect(english.status).toBe(400)
    expect(english.body.errors[0].message).toMatch(/nested too deeply .*at most 8/)
  })

  it('follows fragments when measuring depth', async () => {
    const query = `
      fragment Deep on Page { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } }
      { Pages { docs { ...Deep } } }`
    const res = await getQuery(query)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_QUERY_TOO_DEEP')
  })

  it('refuses a query above GRAPHQL_MAX_COMPLEXITY with 400', async () => {
    const aliases = Array.from(
      { length: 60 },
      (_, index) => `p${index}: Pages(limit: 1) { docs { id title slug } }`,
    )
    const res = await request(server.url, '/api/graphql', {
      method: 'POST',
      json: { query: `{ ${aliases.join(' ')} }` },
    })
    expect(res.status).toBe(400)
    // Refused by Payload's complexity rule or, first, by the project's own price (graphql-cost.test.ts).
    expect(res.body.errors[0].message).toMatch(/complexity|te duur/)
  })
})

describe('persisted queries', () => {
  const query = '{ Pages(sort: "slug", limit: 1) { docs { slug } } }'
  const hash = crypto.createHash('sha256').update(query).digest('hex')
  const extensions = (sha256Hash: string) =>
    encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }))

  it('asks for the query when the hash is unknown, then answers by hash alone', async () => {
    const unknown = await request(server.url, `/api/graphql?extensions=${extensions(hash)}`)
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
    expect(unknown.body.errors[0].message).toMatch(/^PersistedQueryNotFound/)

    const register = await request(server.url, '/api/graphql', {
      method: 'POST',
      json: { query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
    })
    expect(register.status).toBe(200)

    const byHash = await request(server.url, `/api/graphql?extensions=${extensions(hash)}`)
    expect(byHash.status).toBe(200)
    expect(byHash.body).toEqual(register.body)
    expect(byHash.body.data.Pages.docs).toHaveLength(1)
  })

  it('refuses a hash that does not belong to the query', async () => {
    const res = await getQuery(query, `&extensions=${extensions('0'.repeat(64))}`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH')
  })
})
