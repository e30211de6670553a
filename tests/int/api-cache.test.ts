import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { request } from '../helpers/api'
import { type Accounts, createAccounts, createDoc, marker, send } from '../helpers/accessFixtures'
import { startServer, type TestServer } from '../helpers/server'

/**
 * The anonymous response cache: correctness, not speed. Every change an editor
 * (or a scheduled job) commits must be visible to the very next anonymous read,
 * also on a second server process sharing the database; credentialed and preview
 * requests never read nor fill the cache.
 */

let server: TestServer
let second: TestServer
let accounts: Accounts

beforeAll(async () => {
  // No PUBLIC_SITE_URL: the share links then read the site global, once per request.
  server = await startServer({
    DB_QUERY_COUNT: 'true',
    JOBS_INTERVAL_SECONDS: '1',
    PUBLIC_SITE_URL: '',
    DOWNLOAD_COUNT_REFRESH_SECONDS: '1',
  })
  // A second process on the same database: no seeding, its own cache.
  second = await startServer({
    DATABASE_URI: server.databaseUri,
    SEED_ON_START: 'false',
    JOBS_AUTORUN: 'false',
  })
  accounts = await createAccounts(server.url)
})

afterAll(async () => {
  await second?.stop()
  await server?.stop()
})

const titlesAt = async (base: string, path: string) => {
  const res = await request(base, path)
  expect(res.status).toBe(200)
  return {
    titles: (res.body.docs as { title: string }[]).map((doc) => doc.title),
    cache: res.headers.get('x-cache'),
  }
}

/** Reads `path` twice anonymously on both processes, so each has it cached. */
const cacheEverywhere = async (path: string) => {
  for (const base of [server.url, second.url]) {
    await request(base, path)
    expect((await request(base, path)).headers.get('x-cache')).toBe('HIT')
  }
}

const createPublishedPage = async (title: string) =>
  createDoc(
    server.url,
    accounts.editorToken,
    'pages',
    { title, slug: marker('cache-pagina') },
    false,
  )

describe('anonymous reads are cached and revalidated', () => {
  it('answers a repeated read from the cache with a strong ETag, 304 on If-None-Match', async () => {
    const path = '/api/pages?limit=5&sort=title'
    const first = await request(server.url, path)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toMatch(
      /public.*s-maxage=\d+.*stale-while-revalidate=\d+/,
    )
    expect(first.headers.get('vary')).toMatch(/Accept-Encoding/)

    const again = await request(server.url, path)
    expect(again.headers.get('x-cache')).toBe('HIT')
    expect(again.text).toBe(first.text)
    expect(again.headers.get('etag')).toBe(etag)
    // A hit is answered before express: it still carries the security headers and the type.
    expect(again.headers.get('x-content-type-options')).toBe('nosniff')
    expect(again.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(again.headers.get('content-type')).toMatch(/application\/json/)

    const notModified = await fetch(`${server.url}${path}`, { headers: { 'If-None-Match': etag } })
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe('')
    expect(notModified.headers.get('etag')).toBe(etag)

    const otherTag = await fetch(`${server.url}${path}`, {
      headers: { 'If-None-Match': '"iets-anders"' },
    })
    expect(otherTag.status).toBe(200)
  })

  it('stores compressed bodies: br and gzip decode to the same bytes as identity', async () => {
    const path = '/api/pages?limit=10&depth=1'
    const identity = await request(server.url, path, { headers: { 'Accept-Encoding': 'identity' } })
    for (const coding of ['br', 'gzip']) {
      const res = await fetch(`${server.url}${path}`, { headers: { 'Accept-Encoding': coding } })
      expect(res.headers.get('content-encoding')).toBe(coding)
      expect(res.headers.get('etag')).toBe(
        identity.headers.get('etag')!.replace(/"$/, `-${coding}"`),
      )
      // fetch decodes the body: it must be the very same JSON.
      expect(await res.text()).toBe(identity.text)
    }
  })

  it('keys on the query: another locale, depth or filter is another answer', async () => {
    const nl = await request(server.url, '/api/pages?limit=1&locale=nl&depth=0')
    const en = await request(server.url, '/api/pages?limit=1&locale=en&depth=0')
    expect(en.headers.get('x-cache')).toBe('MISS')
    expect(nl.status).toBe(200)
    expect(en.status).toBe(200)
  })

  it('HEAD answers the headers of the cached GET without a body', async () => {
    const path = '/api/pages?limit=2'
    const get = await request(server.url, path)
    const head = await fetch(`${server.url}${path}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
    expect(await head.text()).toBe('')
  })
})

describe('every committed change is visible to the next anonymous read, in both processes', () => {
  const path = `/api/pages?limit=100&sort=title&depth=0`

  it('create', async () => {
    await cacheEverywhere(path)
    const title = marker('Nieuw')
    await createPublishedPage(title)
    for (const base of [server.url, second.url])
      expect((await titlesAt(base, path)).titles).toContain(title)
  })

  it('update of a published page', async () => {
    const page = await createPublishedPage(marker('Voor'))
    await cacheEverywhere(path)
    const after = marker('Na')
    const res = await send(
      server.url,
      'PATCH',
      `/api/pages/${page.id}`,
      { title: after },
      { token: accounts.editorToken },
    )
    expect(res.status).toBe(200)
    for (const base of [server.url, second.url]) {
      const { titles } = await titlesAt(base, path)
      expect(titles).toContain(after)
      expect(titles).not.toContain(page.title)
    }
  })

  it('publish of a draft and unpublish', async () => {
    const title = marker('Concept')
    const draft = await createDoc(
      server.url,
      accounts.editorToken,
      'pages',
      { title, slug: marker('concept') },
      true,
    )
    await cacheEverywhere(path)
    expect((await titlesAt(server.url, path)).titles).not.toContain(title)

    await send(
      server.url,
      'PATCH',
      `/api/pages/${draft.id}`,
      { _status: 'published' },
      { token: accounts.editorToken },
    )
    for (const base of [server.url, second.url])
      expect((await titlesAt(base, path)).titles).toContain(title)

    await cacheEverywhere(path)
    await send(
      server.url,
      'PATCH',
      `/api/pages/${draft.id}`,
      { _status: 'draft' },
      { token: accounts.editorToken },
    )
    for (const base of [server.url, second.url])
      expect((await titlesAt(base, path)).titles).not.toContain(title)
  })

  it('delete, also when done through the other process', async () => {
    const page = await createPublishedPage(marker('Weg'))
    await cacheEverywhere(path)
    // Cached with the page in it, in both processes…
    for (const base of [server.url, second.url])
      expect((await titlesAt(base, path)).titles).toContain(page.title)
    const res = await send(second.url, 'DELETE', `/api/pages/${page.id}`, undefined, {
      token: accounts.editorToken,
    })
    expect(res.status).toBe(200)
    for (const base of [server.url, second.url])
      expect((await titlesAt(base, path)).titles).not.toContain(page.title)
    const byId = await request(server.url, `/api/pages/${page.id}`)
    expect(byId.status).toBe(404)
  })

  it('a change to a global', async () => {
    const globalPath = '/api/globals/site?depth=0'
    await cacheEverywhere(globalPath)
    const tagline = marker('Samen tegen recidive')
    const res = await send(
      server.url,
      'POST',
      '/api/globals/site',
      { tagline },
      { token: accounts.adminToken },
    )
    expect(res.status).toBe(200)
    for (const base of [server.url, second.url]) {
      const now = await request(base, globalPath)
      expect(now.headers.get('x-cache')).toBe('MISS')
      expect(now.body.tagline).toBe(tagline)
    }
  })

  it('a scheduled publish, done by the job runner', async () => {
    const title = marker('Gepland')
    const draft = await createDoc(
      server.url,
      accounts.editorToken,
      'pages',
      { title, slug: marker('gepland') },
      true,
    )
    const at = new Date(Date.now() + 3000).toISOString()
    const scheduled = await send(
      server.url,
      'POST',
      `/api/pages/${draft.id}/schedule`,
      { type: 'publish', at },
      { token: accounts.editorToken },
    )
    expect(scheduled.status).toBeLessThan(300)
    await cacheEverywhere(path)
    const deadline = Date.now() + 60_000
    let seen = false
    while (!seen && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      seen = (await titlesAt(server.url, path)).titles.includes(title)
    }
    expect(seen).toBe(true)
    // The moment the first process shows it, the second must too (same commit).
    expect((await titlesAt(second.url, path)).titles).toContain(title)
  })
})

describe('download counts', () => {
  it('reach cached answers within DOWNLOAD_COUNT_REFRESH_SECONDS, without emptying the cache per download', async () => {
    const path = '/api/documents?where[slug][equals]=factsheet-koers-en-kansen&depth=0'
    const before = (await request(server.url, path)).body.docs[0].downloadCount as number
    expect((await request(server.url, path)).headers.get('x-cache')).toBe('HIT')
    for (let index = 0; index < 3; index += 1) {
      await (await fetch(`${server.url}/downloads/factsheet-koers-en-kansen`)).arrayBuffer()
    }
    const deadline = Date.now() + 15_000
    let count = before
    while (count < before + 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      count = (await request(server.url, path)).body.docs[0].downloadCount
    }
    expect(count).toBe(before + 3)
  })
})

describe('credentialed and preview requests bypass the cache', () => {
  it('an editor never gets the cached anonymous body, and never fills the cache with drafts', async () => {
    const title = marker('Alleen-concept')
    await createDoc(
      server.url,
      accounts.editorToken,
      'pages',
      { title, slug: marker('alleen-concept') },
      true,
    )
    const path = `/api/pages?draft=true&limit=100&depth=0&where[title][equals]=${encodeURIComponent(title)}`

    // The editor reads first: sees the draft, privately.
    const editor = await request(server.url, path, { token: accounts.editorToken })
    expect(editor.body.docs.map((doc: { title: string }) => doc.title)).toEqual([title])
    expect(editor.headers.get('x-cache')).toBeNull()
    expect(editor.headers.get('cache-control')).toMatch(/private|no-store/)

    // The same URL anonymously: computed for the public, not taken from the editor.
    const anonymous = await request(server.url, path)
    expect(anonymous.headers.get('x-cache')).toBe('MISS')
    expect(anonymous.body.docs).toEqual([])

    // And the editor again, now that the public answer is cached: still the draft.
    const editorAgain = await request(server.url, path, { token: accounts.editorToken })
    expect(editorAgain.body.docs.map((doc: { title: string }) => doc.title)).toEqual([title])
  })

  it('a preview API key and a session cookie also bypass it', async () => {
    const path = '/api/pages?limit=3&draft=true'
    await request(server.url, path)
    expect((await request(server.url, path)).headers.get('x-cache')).toBe('HIT')
    const viaKey = await request(server.url, path, {
      headers: { Authorization: `users API-Key ${accounts.previewKey}` },
    })
    expect(viaKey.status).toBe(200)
    expect(viaKey.headers.get('x-cache')).toBeNull()
    const viaCookie = await request(server.url, path, {
      headers: { Cookie: `payload-token=${accounts.editorToken}` },
    })
    expect(viaCookie.status).toBe(200)
    expect(viaCookie.headers.get('x-cache')).toBeNull()
  })

  it('GraphQL: an editor with draft: true gets the draft, the cached public answer does not', async () => {
    const title = marker('GraphQL-concept')
    await createDoc(
      server.url,
      accounts.editorToken,
      'pages',
      { title, slug: marker('gql-concept') },
      true,
    )
    const query = `{ Pages(draft: true, where: { title: { equals: "${title}" } }) { docs { title } } }`
    const url = `/api/graphql?query=${encodeURIComponent(query)}`
    const anonymous = await request(server.url, url)
    expect(anonymous.body.data.Pages.docs).toEqual([])
    expect((await request(server.url, url)).headers.get('x-cache')).toBe('HIT')
    const editor = await request(server.url, url, { token: accounts.editorToken })
    expect(editor.body.data.Pages.docs).toEqual([{ title }])
  })

  it('mutations are never cached', async () => {
    const mutation = `mutation { createPage(data: { title: "${marker('Via GraphQL')}", slug: "${marker('via-graphql')}" }, draft: true) { id } }`
    const res = await request(server.url, '/api/graphql', {
      method: 'POST',
      json: { query: mutation },
      token: accounts.editorToken,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-cache')).toBeNull()
    const anonymous = await request(server.url, '/api/graphql', {
      method: 'POST',
      json: { query: mutation },
    })
    expect(anonymous.headers.get('x-cache')).toBeNull()
    expect(anonymous.body.errors?.length).toBeGreaterThan(0)
  })
})

describe('population is batched', () => {
  it('a list with depth=1 makes the same number of queries for 2 items as for 10', async () => {
    // Ten published children of one parent: each list item populates a relationship.
    const family = marker('Familie')
    const parent = await createPublishedPage(`${family} ouder`)
    for (let index = 0; index < 10; index += 1) {
      await createDoc(
        server.url,
        accounts.editorToken,
        'pages',
        { title: `${family} kind ${index}`, slug: marker('kind'), parent: parent.id },
        false,
      )
    }
    const count = async (limit: number) => {
      // A fresh query string each time: a cache miss that really runs the handler.
      const where = `where[parent][equals]=${parent.id}`
      const res = await request(
        server.url,
        `/api/pages?${where}&limit=${limit}&depth=1&sort=title&n=${marker('q')}`,
      )
      expect(res.status).toBe(200)
      expect(res.headers.get('x-cache')).toBe('MISS')
      // depth=1 really populated the relationship of every item.
      for (const doc of res.body.docs) expect(doc.parent).toMatchObject({ id: parent.id })
      return {
        queries: Number(res.headers.get('x-db-queries')),
        docs: res.body.docs.length as number,
      }
    }
    const few = await count(2)
    const many = await count(10)
    expect(few.docs).toBe(2)
    expect(many.docs).toBe(10)
    expect(few.queries).toBeGreaterThan(0)
    expect(many.queries).toBe(few.queries)
  })
})
