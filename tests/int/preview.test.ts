/**
 * Draft preview: editors mint a signed, expiring token; a request carrying it
 * reads that one document's draft; bad tokens get a 401.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { signPreviewToken } from '../../src/utilities/previewToken'
import { type Accounts, createAccounts, createDoc, get, gql, marker, send } from '../helpers/accessFixtures'
import { startServer, type TestServer } from '../helpers/server'

const PREVIEW_SECRET = 'preview-suite-secret'
process.env.PREVIEW_SECRET = PREVIEW_SECRET
const TTL = 600

let server: TestServer
let accounts: Accounts
const titles = { draft: marker('CONCEPT'), published: marker('GEPUBLICEERD'), newer: marker('NIEUWER'), project: marker('PROJECTCONCEPT') }
const ids: Record<string, any> = {}

beforeAll(async () => {
  server = await startServer({ PREVIEW_SECRET, PREVIEW_TOKEN_TTL_SECONDS: String(TTL) })
  accounts = await createAccounts(server.url)
  const token = accounts.editorToken
  ids.draftSlug = marker('preview-concept')
  ids.draft = (await createDoc(server.url, token, 'pages', { title: titles.draft, slug: ids.draftSlug }, true)).id
  ids.pubSlug = marker('preview-gepubliceerd')
  ids.pub = (await createDoc(server.url, token, 'pages', { title: titles.published, slug: ids.pubSlug }, false)).id
  await send(server.url, 'PATCH', `/api/pages/${ids.pub}?draft=true`, { title: titles.newer, _status: 'draft' }, { token })
  ids.project = (await createDoc(server.url, token, 'projects', { title: titles.project, slug: marker('preview-project') }, true)).id
}, 180_000)

afterAll(async () => {
  await server?.stop()
})

const mint = async (collection: string, id: unknown) => {
  const res = await get(server.url, `/api/${collection}/${id}/preview-url`, { token: accounts.editorToken })
  expect(res.status).toBe(200)
  return res.body as { url: string; token: string; expiresAt: string }
}

describe('preview URL endpoint', () => {
  it('gives editors a frontend URL with a signed, expiring token', async () => {
    const before = Date.now()
    const { url, token, expiresAt } = await mint('pages', ids.draft)
    const parsed = new URL(url)
    expect(`${parsed.origin}${parsed.pathname}`).toBe('https://www.example.test/api/preview')
    expect(parsed.searchParams.get('collection')).toBe('pages')
    expect(parsed.searchParams.get('slug')).toBe(ids.draftSlug)
    expect(parsed.searchParams.get('token')).toBe(token)
    const expires = new Date(expiresAt).getTime()
    expect(expires).toBeGreaterThan(before + (TTL - 5) * 1000)
    expect(expires).toBeLessThan(Date.now() + (TTL + 5) * 1000)
  })

  it('works for projects', async () => {
    const { url } = await mint('projects', ids.project)
    expect(new URL(url).searchParams.get('collection')).toBe('projects')
  })

  it('is refused to the public (401), to a preview frontend (403), and 404 for unknown ids', async () => {
    const anonymous = await get(server.url, `/api/pages/${ids.draft}/preview-url`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toBeTruthy()
    const preview = await get(server.url, `/api/pages/${ids.draft}/preview-url`, { apiKey: accounts.previewKey })
    expect(preview.status).toBe(403)
    expect((await get(server.url, '/api/pages/999999/preview-url', { token: accounts.editorToken })).status).toBe(404)
    const junk = await get(server.url, '/api/pages/abc/preview-url', { token: accounts.editorToken })
    expect(junk.status).toBe(404)
    expect(junk.body.errors[0].message).toBeTruthy()
  })
})

describe('reading with a preview token', () => {
  const header = (token: string) => ({ headers: { 'X-Preview-Token': token } })

  it('the public cannot see the draft without a token', async () => {
    const res = await get(server.url, `/api/pages/${ids.draft}?draft=true`)
    expect(res.status).toBe(404)
    expect(res.text).not.toContain(titles.draft)
  })

  it('a valid token (header) serves the draft by id and by slug', async () => {
    const { token } = await mint('pages', ids.draft)
    const byId = await get(server.url, `/api/pages/${ids.draft}?draft=true`, header(token))
    expect(byId.status).toBe(200)
    expect(byId.body.title).toBe(titles.draft)
    const bySlug = await get(server.url, `/api/pages?where[slug][equals]=${ids.draftSlug}&draft=true`, header(token))
    expect(bySlug.body.docs.map((doc: { title: string }) => doc.title)).toEqual([titles.draft])
  })

  it('a valid token in the query string works too', async () => {
    const { token } = await mint('pages', ids.draft)
    const res = await get(server.url, `/api/pages/${ids.draft}?draft=true&previewToken=${encodeURIComponent(token)}`)
    expect(res.body.title).toBe(titles.draft)
  })

  it('serves the newer draft of a published page, while the public still gets the published one', async () => {
    const { token } = await mint('pages', ids.pub)
    const preview = await get(server.url, `/api/pages/${ids.pub}?draft=true`, header(token))
    expect(preview.body.title).toBe(titles.newer)
    const pub = await get(server.url, `/api/pages/${ids.pub}?draft=true`)
    expect(pub.body.title).toBe(titles.published)
  })

  it('works over GraphQL with draft: true', async () => {
    const { token } = await mint('projects', ids.project)
    const res = await gql(server.url, `{ Project(id: ${JSON.stringify(ids.project)}, draft: true) { title } }`, header(token))
    expect(res.body.data.Project.title).toBe(titles.project)
  })

  it('opens only its own document: other drafts stay hidden in lists', async () => {
    const { token } = await mint('pages', ids.pub)
    const list = await get(server.url, '/api/pages?draft=true&limit=100', header(token))
    expect(list.status).toBe(200)
    expect(list.text).not.toContain(titles.draft)
    const other = await get(server.url, `/api/pages/${ids.draft}?draft=true`, header(token))
    expect(other.status).toBe(404)
  })

  it('refuses an expired token with 401 in Payload error shape', async () => {
    const { token } = signPreviewToken('pages', ids.draft, 60, Date.now() - 61_000)
    const res = await get(server.url, `/api/pages/${ids.draft}?draft=true`, header(token))
    expect(res.status).toBe(401)
    expect(res.body.errors[0].message).toMatch(/verlopen/)
    expect(res.text).not.toContain(titles.draft)
    const en = await get(server.url, `/api/pages/${ids.draft}?draft=true`, { headers: { 'X-Preview-Token': token, 'Accept-Language': 'en' } })
    expect(en.body.errors[0].message).toMatch(/expired/)
  })

  it('refuses forged and malformed tokens with 401', async () => {
    const { token } = signPreviewToken('pages', ids.draft)
    const [body, signature] = token.split('.')
    const flipped = `${body}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`
    for (const bad of [flipped, 'nonsense', `${body}.`, `${Buffer.from('{"c":"pages","id":"1","exp":9999999999}').toString('base64url')}.${signature}`]) {
      const res = await get(server.url, `/api/pages/${ids.draft}?draft=true`, header(bad))
      expect(res.status).toBe(401)
      expect(res.body.errors[0].message).toMatch(/ongeldig/)
      expect(res.text).not.toContain(titles.draft)
    }
    const graph = await gql(server.url, `{ Page(id: ${JSON.stringify(ids.draft)}, draft: true) { title } }`, header(flipped))
    expect(graph.status).toBe(401)
  })
})
