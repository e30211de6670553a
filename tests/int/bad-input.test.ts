import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { type ApiResponse, graphql, postRaw, registerFirstAdmin, request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Bad input is the client's mistake: a 4xx in Payload's error shape
 * ({ errors: [{ message }] }), never a 500, and the server keeps serving.
 */
let server: TestServer
let token: string
let pageId: number
const UPLOAD_LIMIT = 1024 * 1024

beforeAll(async () => {
  // A small upload limit, so "too big" needs only a few megabytes.
  server = await startServer({ UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT) })
  token = await registerFirstAdmin(server.url)
  const pages = await request(server.url, '/api/pages?where[slug][equals]=over-koers-en-kansen&depth=0')
  pageId = pages.body.docs[0].id
})

afterAll(async () => {
  await server?.stop()
})

const expectClientError = (res: ApiResponse, allowed: number[]) => {
  if (!allowed.includes(res.status)) throw new Error(`expected ${allowed.join('/')}, got ${res.status}: ${res.text.slice(0, 300)}`)
  expect(Array.isArray(res.body?.errors)).toBe(true)
  expect(res.body.errors.length).toBeGreaterThan(0)
  expect(typeof res.body.errors[0].message).toBe('string')
  // No stack traces or SQL in answers to the public.
  expect(res.text).not.toMatch(/\bat \w+ \(|Failed query|select .* from/i)
}

/** Nonsense that can sensibly be ignored may give the normal list; never a 500. */
const expectListOrClientError = (res: ApiResponse) => {
  if (res.status === 200) {
    expect(Array.isArray(res.body.docs)).toBe(true)
    expect(typeof res.body.totalDocs).toBe('number')
  } else {
    expectClientError(res, [400, 404])
  }
}

const serverStillServes = async () => {
  const res = await request(server.url, `/api/pages/${pageId}?depth=0`)
  expect(res.status).toBe(200)
  expect(res.body.slug).toBe('over-koers-en-kansen')
}

const send = (path: string, method: string, body: string, withToken: boolean) =>
  request(server.url, path, {
    method,
    body,
    headers: { 'Content-Type': 'application/json' },
    token: withToken ? token : undefined,
  })

describe('malformed JSON bodies', () => {
  const bodies = ['{"title": ', '{"title" "x"}', 'nope', '{"title": "x",}', '\u0000\u0001']

  it.each([true, false])('POST and PATCH with broken JSON (admin: %s) give 400', async (asAdmin) => {
    for (const body of bodies) {
      expectClientError(await send('/api/pages', 'POST', body, asAdmin), [400])
      expectClientError(await send(`/api/pages/${pageId}`, 'PATCH', body, asAdmin), [400])
      expectClientError(await send('/api/projects', 'POST', body, asAdmin), [400])
      expectClientError(await send('/api/globals/site', 'POST', body, asAdmin), [400])
    }
    expectClientError(await send('/api/users/login', 'POST', '{"email', false), [400])
    await serverStillServes()
  })

  it.each([true, false])('JSON that is not an object (admin: %s) gives 4xx', async (asAdmin) => {
    const allowed = asAdmin ? [400] : [400, 403]
    for (const body of ['null', '"tekst"', '42', '[1,2]', 'true']) {
      expectClientError(await send('/api/pages', 'POST', body, asAdmin), allowed)
      expectClientError(await send('/api/projects', 'POST', body, asAdmin), allowed)
      expectClientError(await send(`/api/pages/${pageId}`, 'PATCH', body, asAdmin), allowed)
    }
    await serverStillServes()
  })

  it('leaves the page unchanged after the refused PATCHes', async () => {
    const res = await request(server.url, `/api/pages/${pageId}?depth=0`)
    expect(res.body.title).toBe('Over Koers en kansen')
  })
})

describe('unknown routes and ids', () => {
  it('unknown collections and globals are 404', async () => {
    for (const path of ['/api/nope', '/api/nope/1', '/api/globals/nope', '/api/payload-nope?limit=1']) {
      const res = await request(server.url, path)
      expect(res.status).toBe(404)
      expect(res.status).not.toBe(500)
    }
    const post = await request(server.url, '/api/nope', { method: 'POST', token, json: { title: 'x' } })
    expect(post.status).toBe(404)
  })

  it.each([
    'abc',
    '999999',
    '-1',
    '1.5',
    '1e3',
    "1'; DROP TABLE pages;--",
    '1 OR 1=1',
    '1%00',
    '%27%22%3B',
    '00000000-0000-0000-0000-000000000000',
    '507f1f77bcf86cd799439011',
  ])('GET /api/pages/%s is 404, never another document', async (id) => {
    const path = `/api/pages/${id.includes('%') ? id : encodeURIComponent(id)}`
    const res = await request(server.url, path)
    expectClientError(res, [400, 404])
    const asAdmin = await request(server.url, path, { token })
    expectClientError(asAdmin, [400, 404])
  })

  it('PATCH and DELETE with an invalid id are 404 and change nothing', async () => {
    for (const id of ['abc', encodeURIComponent(`${pageId} OR 1=1`), '999999']) {
      expectClientError(await request(server.url, `/api/pages/${id}`, { method: 'PATCH', token, json: { title: 'Gekaapt' } }), [400, 404])
      expectClientError(await request(server.url, `/api/pages/${id}`, { method: 'DELETE', token }), [400, 404])
    }
    const res = await request(server.url, `/api/pages/${pageId}?depth=0`)
    expect(res.body.title).toBe('Over Koers en kansen')
    await serverStillServes()
  })

  it('invalid ids on other collections are 404 too', async () => {
    for (const collection of ['projects', 'documents', 'animations', 'media']) {
      expectClientError(await request(server.url, `/api/${collection}/abc`), [400, 404])
    }
    expectClientError(await request(server.url, '/api/users/abc', { token }), [400, 404])
  })
})

describe('nonsense where', () => {
  it.each([
    'where[nonexistentField][equals]=x',
    'where[title][bogusOperator]=x',
    'where[or][0][and][0][or][x][y][z]=1',
    'where[title][equals][nested][deep]=1',
    'where=garbage',
    'where={"title":',
    'where[id][equals]=abc',
    'where[id][in]=abc,def',
    'where[createdAt][greater_than]=notadate',
    'where[readingTimeMinutes][greater_than]=abc',
    'where[parent][equals]=abc',
    'where[parent.title][equals]=x',
    'where[breadcrumbs.doc][in]=x,y',
    'where[_status][equals][0]=published',
    'where[and]=x',
    'where[or][0]=x',
  ])('/api/pages?%s never gives 500', async (query) => {
    const res = await request(server.url, `/api/pages?${query}`)
    expectListOrClientError(res)
  })

  it.each([
    'where[nonexistentField][equals]=x',
    'where[title][bogusOperator]=x',
    'where=garbage',
    'where[id][in]=abc,def',
  ])('/api/pages?%s is a 400', async (query) => {
    expectClientError(await request(server.url, `/api/pages?${query}`), [400])
  })

  it('the same nonsense on projects, documents and over GraphQL', async () => {
    for (const collection of ['projects', 'documents', 'animations', 'media']) {
      expectClientError(await request(server.url, `/api/${collection}?where[nonexistentField][equals]=x`), [400])
      // An unreadable date: SQLite refuses it (400), Postgres' adapter compares with nothing (empty list).
      expectListOrClientError(await request(server.url, `/api/${collection}?where[createdAt][less_than]=gisteren`))
      expectClientError(await request(server.url, `/api/${collection}?where[id][in]=een,twee`), [400])
    }
    expectListOrClientError(await request(server.url, '/api/projects?where[startDate][greater_than]=nooit'))
    expectListOrClientError(await request(server.url, '/api/projects?where[status][in]=x&where[themes][all][a][b]=1'))
    await serverStillServes()
  })
})

describe('nonsense list parameters', () => {
  it.each(['limit=-1', 'limit=abc', 'limit=1e9', 'page=0', 'page=-5', 'page=abc', 'sort=nonexistent', 'sort=-nonexistent', 'sort=,,,', 'depth=999', 'depth=-1', 'depth=abc', 'locale=xx', 'locale=*', 'fallback-locale=xx', 'select[nonexistent]=true', 'populate[nope][x]=true', 'draft=maybe', 'pagination=nee'])(
    '/api/pages?%s gives the list or a 4xx, never 500',
    async (query) => {
      const res = await request(server.url, `/api/pages?${query}`)
      expectListOrClientError(res)
      const single = await request(server.url, `/api/pages/${pageId}?${query}`)
      expect(single.status).toBeLessThan(500)
    },
  )

  it('a global with nonsense parameters still answers', async () => {
    for (const query of ['depth=999', 'locale=xx', 'draft=maybe', 'depth=abc']) {
      const res = await request(server.url, `/api/globals/programme?${query}`)
      expect(res.status).toBeLessThan(500)
    }
  })
})

describe('GraphQL', () => {
  const post = (body: string) => send('/api/graphql', 'POST', body, false)

  it('broken JSON bodies are 400', async () => {
    for (const body of ['{"query": ', 'nope', 'null', '{"query": 5}', '{}', '[]']) {
      expectClientError(await post(body), [400])
    }
    await serverStillServes()
  })

  it.each([
    '{ Pages { ',
    '{ Pages { docs { nope } } }',
    '{ Nope }',
    '{ Pages(where: { nonexistentField: { equals: "x" } }) { docs { id } } }',
    '{ Pages(limit: "abc") { docs { id } } }',
    '{ Page(id: "abc") { id } }',
    'mutation { createPage(data: { title: "Anoniem" }) { id } }',
    'query { __typename ',
  ])('%s gives errors and no data, never 500', async (query) => {
    const res = await graphql(server.url, query)
    // GraphQL-over-HTTP (application/json): a well-formed request is answered with
    // 200 and an `errors` list; a broken one with 4xx. Never 500.
    expect([200, 400, 403]).toContain(res.status)
    expect(res.body.errors?.length).toBeGreaterThan(0)
    expect(typeof res.body.errors![0]!.message).toBe('string')
    const data = res.body.data as Record<string, unknown> | null | undefined
    for (const value of Object.values(data ?? {})) expect(value).toBeNull()
  })

  it('a query with a nonsense where value gives an error, not a crash', async () => {
    const res = await graphql(server.url, '{ Pages(where: { createdAt: { greater_than: "notadate" } }) { docs { id } } }')
    expect(res.status).toBeLessThan(500)
    expect(res.body.errors?.length ?? 0).toBeGreaterThanOrEqual(res.body.data?.Pages ? 0 : 1)
    await serverStillServes()
  })
})

/** A multipart body posted with node:http, so an early answer is still read (see postRaw). */
const postEarlyAnswer = async (path: string, body: Response, token: string): Promise<ApiResponse> =>
  postRaw(server.url, path, Buffer.from(await body.arrayBuffer()), {
    'Content-Type': body.headers.get('content-type')!,
    Authorization: `JWT ${token}`,
  })

describe('uploads', () => {
  const upload = (collection: string, file: Blob, filename: string, data: Record<string, unknown>, withToken = true) => {
    const form = new FormData()
    form.append('file', file, filename)
    form.append('_payload', JSON.stringify(data))
    return request(server.url, `/api/${collection}`, { method: 'POST', body: form, token: withToken ? token : undefined })
  }

  it('refuses garbage pretending to be an image', async () => {
    const res = await upload('media', new Blob([Buffer.from('dit is geen afbeelding')], { type: 'image/png' }), 'nep.png', { alt: 'Nep' })
    expectClientError(res, [400])
    await serverStillServes()
  })

  it('refuses a file type the collection does not take', async () => {
    const res = await upload('media', new Blob([Buffer.from('#!/bin/sh\necho hoi\n')], { type: 'application/x-sh' }), 'script.sh', { alt: 'Script' })
    expectClientError(res, [400])
    const video = await upload('animations', new Blob([Buffer.from('%PDF-1.4\n')], { type: 'application/pdf' }), 'film.pdf', { title: 'Geen video' })
    expectClientError(video, [400])
  })

  it('refuses an oversized upload with 413 or 400', async () => {
    const form = new FormData()
    form.append('_payload', JSON.stringify({ title: 'Te groot', type: 'rapport' }))
    form.append('file', new Blob([Buffer.alloc(3 * UPLOAD_LIMIT, 0x41)], { type: 'application/pdf' }), 'groot.pdf')
    const res = await postEarlyAnswer('/api/documents', new Response(form), token)
    expectClientError(res, [400, 413])
    expect(res.body.errors[0].message).toMatch(/size|groot/i)
    await serverStillServes()
  })

  it('refuses a broken multipart body and an anonymous upload', async () => {
    const broken = await request(server.url, '/api/media', {
      method: 'POST',
      token,
      headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
    })
    expectClientError(broken, [400])
    const anonymous = await upload('media', new Blob([Buffer.from('x')], { type: 'image/png' }), 'a.png', { alt: 'x' }, false)
    expectClientError(anonymous, [401, 403])
    await serverStillServes()
  })
})
