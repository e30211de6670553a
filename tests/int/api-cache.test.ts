import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { block, paragraph, richText } from '../../src/seed/lexical'
import { login, request } from '../helpers/api'
import {
  type Accounts,
  createAccounts,
  createDoc,
  marker,
  PASSWORD,
  send,
} from '../helpers/accessFixtures'
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
    API_CACHE_DEBUG: 'true',
  })
  // A second process on the same database: no seeding, its own cache.
  second = await startServer({
    DATABASE_URI: server.databaseUri,
    SEED_ON_START: 'false',
    JOBS_AUTORUN: 'false',
    PUBLIC_SITE_URL: '',
    API_CACHE_DEBUG: 'true',
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
      // MISS, or HIT when the background warm-up already recomputed it after the
      // change: either way the answer must carry the new tagline.
      const now = await request(base, globalPath)
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

/** The X-Cache of `path` on both processes. */
const cacheStates = async (path: string) =>
  Promise.all(
    [server.url, second.url].map(async (base) =>
      (await request(base, path)).headers.get('x-cache'),
    ),
  )

const gqlGet = (query: string) => `/api/graphql?query=${encodeURIComponent(query)}`

describe('only changes the public can see drop cached answers', () => {
  it('an autosave and a draft save of a published page leave cached answers HIT, in both processes', async () => {
    const page = await createPublishedPage(marker('Gepubliceerd'))
    const paths = [
      '/api/pages?limit=100&sort=title&depth=0',
      `/api/pages/${page.id}?depth=1`,
      '/api/globals/site?depth=0',
      gqlGet(`{ Pages(where: { id: { equals: ${page.id} } }) { docs { title } } }`),
    ]
    for (const path of paths) await cacheEverywhere(path)
    const draftTitle = marker('Concepttitel')
    const autosave = await send(
      server.url,
      'PATCH',
      `/api/pages/${page.id}?draft=true&autosave=true`,
      { title: draftTitle },
      { token: accounts.editorToken },
    )
    expect(autosave.status).toBe(200)
    const draftSave = await send(
      second.url,
      'PATCH',
      `/api/pages/${page.id}?draft=true`,
      { title: `${draftTitle}-2`, _status: 'draft' },
      { token: accounts.editorToken },
    )
    expect(draftSave.status).toBe(200)
    for (const path of paths) {
      for (const base of [server.url, second.url]) {
        const res = await request(base, path)
        expect(res.headers.get('x-cache')).toBe('HIT')
        expect(res.text).not.toContain(draftTitle)
      }
    }
    expect((await request(server.url, `/api/pages/${page.id}?depth=0`)).body.title).toBe(page.title)
  })

  it('an anonymous draft=true answer still follows draft saves exactly', async () => {
    const page = await createPublishedPage(marker('Met-concept'))
    const path = `/api/pages?draft=true&where[id][equals]=${page.id}&depth=0`
    await cacheEverywhere(path)
    await send(
      server.url,
      'PATCH',
      `/api/pages/${page.id}?draft=true&autosave=true`,
      { title: marker('Nieuw-concept') },
      { token: accounts.editorToken },
    )
    // The truth: the same query under a key nobody asked before.
    const fresh = await request(server.url, `${path}&n=${marker('vers')}`)
    expect(fresh.headers.get('x-cache')).toBe('MISS')
    for (const base of [server.url, second.url]) {
      const res = await request(base, path)
      expect(res.body.docs).toEqual(fresh.body.docs)
      expect(res.text).not.toContain('Nieuw-concept')
    }
  })

  it('logins, a failed login and a change to a user leave cached answers HIT', async () => {
    const paths = ['/api/pages?limit=100&sort=title&depth=0', '/api/globals/navigation']
    for (const path of paths) await cacheEverywhere(path)
    await login(server.url, 'beheerder@example.test', PASSWORD)
    await login(second.url, accounts.editorEmail, PASSWORD)
    const failed = await request(server.url, '/api/users/login', {
      method: 'POST',
      json: { email: accounts.editorEmail, password: 'fout-wachtwoord' },
    })
    expect(failed.status).toBe(401)
    const renamed = await send(
      server.url,
      'PATCH',
      `/api/users/${accounts.editorId}`,
      { name: marker('Redacteur') },
      { token: accounts.adminToken },
    )
    expect(renamed.status).toBe(200)
    for (const path of paths) expect(await cacheStates(path)).toEqual(['HIT', 'HIT'])
  })
})

describe('invalidation by dependency', () => {
  it('publishing a project refreshes a page whose blocks show it, and leaves the site, a documents list and answers that cannot show it HIT', async () => {
    const project = await createDoc(
      server.url,
      accounts.editorToken,
      'projects',
      { title: marker('Project-voor'), slug: marker('afh-project') },
      false,
    )
    const page = await createDoc(
      server.url,
      accounts.editorToken,
      'pages',
      {
        title: marker('Pagina-met-projecten'),
        slug: marker('afh-pagina'),
        content: richText(
          paragraph('Onze projecten:'),
          block('projectList', { mode: 'manual', projects: [project.id] }, marker('blok')),
        ),
      },
      false,
    )
    const unaffected = [
      '/api/globals/site',
      '/api/documents?limit=10&depth=0',
      // At depth 0 the block holds the project's id only.
      `/api/pages/${page.id}?depth=0`,
      gqlGet('{ Site { siteName tagline } }'),
    ]
    const affected = [
      `/api/pages/${page.id}`,
      `/api/pages/${page.id}?depth=1`,
      `/api/projects?where[id][equals]=${project.id}&depth=0`,
      gqlGet(`{ Projects(where: { id: { equals: ${project.id} } }) { docs { title } } }`),
    ]
    for (const path of [...unaffected, ...affected]) await cacheEverywhere(path)
    expect((await request(server.url, `/api/pages/${page.id}?depth=1`)).text).toContain(
      project.title,
    )

    const title = marker('Project-na')
    const published = await send(
      server.url,
      'PATCH',
      `/api/projects/${project.id}`,
      { title, _status: 'published' },
      { token: accounts.editorToken },
    )
    expect(published.status).toBe(200)
    for (const base of [server.url, second.url]) {
      for (const path of unaffected)
        expect((await request(base, path)).headers.get('x-cache')).toBe('HIT')
      for (const path of affected) {
        const res = await request(base, path)
        expect(res.text).toContain(title)
        expect(res.text).not.toContain(project.title)
      }
    }
  })

  it('deleting a document refreshes answers that hold only its id (depth 0)', async () => {
    const document = await createDoc(
      server.url,
      accounts.editorToken,
      'documents',
      { title: marker('Weg-document'), slug: marker('weg-document'), type: 'overig' },
      false,
    )
    const project = await createDoc(
      server.url,
      accounts.editorToken,
      'projects',
      {
        title: marker('Project-met-document'),
        slug: marker('met-document'),
        documents: [document.id],
      },
      false,
    )
    const path = `/api/projects/${project.id}?depth=0`
    await cacheEverywhere(path)
    expect((await request(server.url, path)).body.documents).toEqual([document.id])
    const deleted = await send(server.url, 'DELETE', `/api/documents/${document.id}`, undefined, {
      token: accounts.editorToken,
    })
    expect(deleted.status).toBe(200)
    for (const base of [server.url, second.url])
      expect((await request(base, path)).body.documents ?? []).toEqual([])
  })
})

describe('warm-up', () => {
  const warmedCount = (target: TestServer, path: string) =>
    target
      .output()
      .split('\n')
      .filter((line) => line.includes('Response cache: warmed') && line.includes(path)).length

  it('recomputes a hot answer after a change, and no read ever shows an older state', async () => {
    const page = await createPublishedPage(marker('Warm'))
    const path = `/api/pages?where[id][equals]=${page.id}&depth=0&warm=${marker('w')}`
    for (let index = 0; index < 5; index += 1)
      for (const base of [server.url, second.url]) await request(base, path)

    // Changes in quick succession, each read at once in both processes: warm-ups
    // of an earlier state may still be running, and must never be what a read gets.
    let title = page.title as string
    for (let round = 0; round < 6; round += 1) {
      title = marker(`Warm-${round}`)
      const res = await send(
        round % 2 ? second.url : server.url,
        'PATCH',
        `/api/pages/${page.id}`,
        { title },
        { token: accounts.editorToken },
      )
      expect(res.status).toBe(200)
      for (const base of [server.url, second.url])
        expect(
          (await request(base, path)).body.docs.map((doc: { title: string }) => doc.title),
        ).toEqual([title])
    }

    // Warm-ups of the rounds above may still be running: wait until they are done.
    let settled = warmedCount(server, path)
    for (
      let quiet = Date.now(), deadline = Date.now() + 15_000;
      Date.now() - quiet < 1500 && Date.now() < deadline;
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      if (warmedCount(server, path) !== settled)
        [settled, quiet] = [warmedCount(server, path), Date.now()]
    }
    // One more change, and nobody reads: the hot answer is made again in the background.
    const before = warmedCount(server, path)
    const last = marker('Warm-laatst')
    await send(
      server.url,
      'PATCH',
      `/api/pages/${page.id}`,
      { title: last },
      { token: accounts.editorToken },
    )
    const deadline = Date.now() + 30_000
    while (warmedCount(server, path) === before && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100))
    expect(warmedCount(server, path)).toBeGreaterThan(before)
    const res = await request(server.url, path)
    expect(res.headers.get('x-cache')).toBe('HIT')
    expect(res.body.docs.map((doc: { title: string }) => doc.title)).toEqual([last])
  })
})
