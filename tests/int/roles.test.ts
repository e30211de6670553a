/**
 * Roles: admins manage users, editors manage content only, preview frontends
 * read drafts only, the public writes nothing; login lockout locks.
 */
import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { login, request } from '../helpers/api'
import {
  type Accounts,
  createAccounts,
  createDoc,
  createUser,
  get,
  gql,
  marker,
  PASSWORD,
  send,
} from '../helpers/accessFixtures'
import { startServer, type TestServer } from '../helpers/server'

const LOCK_MS = 4000

let server: TestServer
let accounts: Accounts
let pageId: number | string
const draftTitle = marker('CONCEPT-ROLTEST')

beforeAll(async () => {
  server = await startServer({ LOGIN_MAX_ATTEMPTS: '3', LOGIN_LOCK_MS: String(LOCK_MS) })
  accounts = await createAccounts(server.url)
  pageId = (await createDoc(server.url, accounts.editorToken, 'pages', { title: draftTitle, slug: marker('rol') }, true)).id
}, 180_000)

afterAll(async () => {
  await server?.stop()
})

const rolesOf = async (id: number | string): Promise<string[]> => {
  const res = await get(server.url, `/api/users/${id}`, { token: accounts.adminToken })
  expect(res.status).toBe(200)
  return res.body.roles
}

describe('editor and users', () => {
  it('cannot create a user', async () => {
    const res = await send(server.url, 'POST', '/api/users', { email: 'nieuw@example.test', password: PASSWORD, roles: ['admin'] }, { token: accounts.editorToken })
    expect(res.status).toBe(403)
    // Told which role it takes, in the editor's language.
    expect(res.body.errors[0].message).toMatch(/^Dit mag alleen een beheerder/)
    const english = await send(server.url, 'POST', '/api/users', { email: 'nieuw@example.test', password: PASSWORD }, { token: accounts.editorToken, headers: { 'Accept-Language': 'en' } })
    expect(english.status).toBe(403)
    expect(english.body.errors[0].message).toMatch(/^Only an administrator may do this/)
    const all = await get(server.url, '/api/users?where[email][equals]=nieuw@example.test', { token: accounts.adminToken })
    expect(all.body.totalDocs).toBe(0)
  })

  it('cannot delete a user', async () => {
    const res = await request(server.url, `/api/users/${accounts.adminId}`, { method: 'DELETE', token: accounts.editorToken })
    expect([403, 404]).toContain(res.status)
    expect(await rolesOf(accounts.adminId)).toEqual(['admin'])
  })

  it('cannot give itself the admin role', async () => {
    const res = await send(server.url, 'PATCH', `/api/users/${accounts.editorId}`, { roles: ['admin', 'editor'], name: 'Nieuwe naam' }, { token: accounts.editorToken })
    // Payload drops fields the user may not update; the rest of the change goes through.
    expect(res.status).toBe(200)
    expect(await rolesOf(accounts.editorId)).toEqual(['editor'])
    const me = await get(server.url, '/api/users/me', { token: accounts.editorToken })
    expect(me.body.user.roles).toEqual(['editor'])
    expect(me.body.user.name).toBe('Nieuwe naam')
  })

  it('cannot escalate through GraphQL either', async () => {
    const res = await gql(server.url, `mutation { updateUser(id: ${JSON.stringify(accounts.editorId)}, data: { roles: admin }) { roles } }`, { token: accounts.editorToken })
    expect(res.status).toBeLessThan(500)
    expect(await rolesOf(accounts.editorId)).toEqual(['editor'])
  })

  it("cannot change another user's roles or details", async () => {
    const other = await createUser(server.url, accounts.adminToken, { roles: ['editor'] })
    const res = await send(server.url, 'PATCH', `/api/users/${other.id}`, { roles: ['admin'], name: 'Gekaapt' }, { token: accounts.editorToken })
    expect([403, 404]).toContain(res.status)
    expect(await rolesOf(other.id)).toEqual(['editor'])
    const bulk = await send(server.url, 'PATCH', `/api/users?where[id][exists]=true`, { name: 'Gekaapt' }, { token: accounts.editorToken })
    expect(bulk.status).toBeLessThan(500)
    const admin = await get(server.url, `/api/users/${accounts.adminId}`, { token: accounts.adminToken })
    expect(admin.body.name).toBe('Beheerder')
  })

  it('reads only itself', async () => {
    const list = await get(server.url, '/api/users?limit=100', { token: accounts.editorToken })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((user: { id: unknown }) => user.id)).toEqual([accounts.editorId])
    const admin = await get(server.url, `/api/users/${accounts.adminId}`, { token: accounts.editorToken })
    expect([403, 404]).toContain(admin.status)
    expect(admin.text).not.toContain('beheerder@example.test')
  })

  it('the admin can create, re-role and delete users', async () => {
    const user = await createUser(server.url, accounts.adminToken, { roles: ['editor'] })
    const patched = await send(server.url, 'PATCH', `/api/users/${user.id}`, { roles: ['admin'] }, { token: accounts.adminToken })
    expect(patched.status).toBe(200)
    expect(await rolesOf(user.id)).toEqual(['admin'])
    const deleted = await request(server.url, `/api/users/${user.id}`, { method: 'DELETE', token: accounts.adminToken })
    expect(deleted.status).toBe(200)
  })

  it('a user registered later is not made admin by the first-user rule', async () => {
    const res = await send(server.url, 'POST', '/api/users/first-register', { email: 'tweede@example.test', password: PASSWORD })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
  })
})

describe('anonymous writes', () => {
  const collections = ['pages', 'projects', 'documents', 'animations', 'media', 'users']
  const targets = (): { name: string; method: string; path: string }[] => [
    ...collections.flatMap((c) => [
      { name: `POST ${c}`, method: 'POST', path: `/api/${c}` },
      { name: `PATCH ${c}/:id`, method: 'PATCH', path: `/api/${c}/${c === 'users' ? accounts.adminId : c === 'pages' ? pageId : 1}` },
      { name: `PATCH ${c} (bulk)`, method: 'PATCH', path: `/api/${c}?where[id][exists]=true` },
      { name: `DELETE ${c}/:id`, method: 'DELETE', path: `/api/${c}/${c === 'users' ? accounts.adminId : c === 'pages' ? pageId : 1}` },
      { name: `DELETE ${c} (bulk)`, method: 'DELETE', path: `/api/${c}?where[id][exists]=true` },
    ]),
    ...['site', 'navigation', 'programme'].map((g) => ({ name: `POST globals/${g}`, method: 'POST', path: `/api/globals/${g}` })),
  ]

  it('is refused on every collection and global', async () => {
    const before = await get(server.url, '/api/pages?limit=0&draft=true', { token: accounts.editorToken })
    const results: string[] = []
    for (const target of targets()) {
      const res = await send(server.url, target.method, target.path, { title: 'Anoniem', name: 'Anoniem', roles: ['admin'] })
      const bulkNoop = target.path.includes('?') && res.status === 200 && res.body?.docs?.length === 0
      if (!([401, 403].includes(res.status) || bulkNoop)) results.push(`${target.name}: ${res.status}`)
    }
    expect(results).toEqual([])
    const after = await get(server.url, '/api/pages?limit=0&draft=true', { token: accounts.editorToken })
    expect(after.body.totalDocs).toBe(before.body.totalDocs)
    expect((await get(server.url, '/api/globals/site')).body.siteName).not.toBe('Anoniem')
    expect(await rolesOf(accounts.adminId)).toEqual(['admin'])
  })

  it('is refused through GraphQL mutations', async () => {
    const res = await gql(server.url, `mutation { createPage(data: { title: "Anoniem", slug: "anoniem" }) { id } }`)
    expect(res.body.errors?.length).toBeGreaterThan(0)
    const del = await gql(server.url, `mutation { deletePage(id: ${JSON.stringify(pageId)}) { id } }`)
    expect(del.body.errors?.length).toBeGreaterThan(0)
    const still = await get(server.url, `/api/pages/${pageId}?draft=true`, { token: accounts.editorToken })
    expect(still.body.title).toBe(draftTitle)
  })

  it('a session cookie from a foreign origin counts as anonymous', async () => {
    const res = await request(server.url, '/api/users/login', { method: 'POST', json: { email: accounts.editorEmail, password: PASSWORD } })
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]
    expect(cookie).toMatch(/^payload-token=/)
    const own = await request(server.url, `/api/pages/${pageId}?draft=true`, { headers: { Cookie: cookie, Origin: server.url } })
    expect(own.body.title).toBe(draftTitle)
    const foreign = await request(server.url, `/api/pages/${pageId}?draft=true`, { headers: { Cookie: cookie, Origin: 'https://evil.example' } })
    expect(foreign.status).toBe(404)
    expect(foreign.text).not.toContain(draftTitle)
  })
})

describe('preview frontend (API key)', () => {
  const preview = () => ({ apiKey: accounts.previewKey })

  it('reads drafts and versions', async () => {
    const res = await get(server.url, `/api/pages/${pageId}?draft=true`, preview())
    expect(res.status).toBe(200)
    expect(res.body.title).toBe(draftTitle)
    const versions = await get(server.url, `/api/pages/versions?where[parent][equals]=${pageId}`, preview())
    expect(versions.status).toBe(200)
    expect(versions.body.totalDocs).toBeGreaterThan(0)
  })

  it('writes nothing', async () => {
    const create = await send(server.url, 'POST', '/api/pages', { title: 'Preview', slug: 'preview' }, preview())
    expect(create.status).toBe(403)
    expect(create.body.errors[0].message).toMatch(/^Dit mag alleen een redacteur of beheerder/)
    const update = await send(server.url, 'PATCH', `/api/pages/${pageId}`, { title: 'Gewijzigd' }, preview())
    expect(update.status).toBe(403)
    const del = await send(server.url, 'DELETE', `/api/pages/${pageId}`, undefined, preview())
    expect(del.status).toBe(403)
    const global = await send(server.url, 'POST', '/api/globals/site', { siteName: 'Preview' }, preview())
    expect(global.status).toBe(403)
    const self = await send(server.url, 'PATCH', `/api/users/${accounts.previewId}`, { roles: ['admin'], name: 'x' }, preview())
    expect(self.status).toBe(403)
    expect(await rolesOf(accounts.previewId)).toEqual(['preview'])
    expect((await get(server.url, `/api/pages/${pageId}?draft=true`, { token: accounts.editorToken })).body.title).toBe(draftTitle)
  })

  it('cannot use the admin panel', async () => {
    const access = await get(server.url, '/api/access', preview())
    expect(access.status).toBe(200)
    // Payload leaves `canAccessAdmin` out when it is false.
    expect(access.body.canAccessAdmin).toBeFalsy()
    const editorAccess = await get(server.url, '/api/access', { token: accounts.editorToken })
    expect(editorAccess.body.canAccessAdmin).toBe(true)
  })

  it('an editor with an API key keeps editor rights', async () => {
    const apiKey = crypto.randomUUID()
    await createUser(server.url, accounts.adminToken, { roles: ['editor'], enableAPIKey: true, apiKey })
    const created = await send(server.url, 'POST', '/api/pages?draft=true', { title: marker('via-sleutel'), slug: marker('sleutel'), _status: 'draft' }, { apiKey })
    expect(created.status).toBe(201)
    const users = await get(server.url, '/api/users?limit=100', { apiKey })
    expect(users.body.docs).toHaveLength(1)
  })

  it('an unknown API key is anonymous', async () => {
    const res = await get(server.url, `/api/pages/${pageId}?draft=true`, { apiKey: crypto.randomUUID() })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.text).not.toContain(draftTitle)
  })
})

describe('login lockout', () => {
  it('locks after LOGIN_MAX_ATTEMPTS failures until LOGIN_LOCK_MS passed', async () => {
    const user = await createUser(server.url, accounts.adminToken, { roles: ['editor'] })
    expect(await login(server.url, user.email, PASSWORD)).toBeTruthy()
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await send(server.url, 'POST', '/api/users/login', { email: user.email, password: 'fout-wachtwoord' })
      expect(res.status).toBe(401)
    }
    const locked = await send(server.url, 'POST', '/api/users/login', { email: user.email, password: PASSWORD })
    expect(locked.status).toBe(401)
    expect(locked.body.token).toBeUndefined()
    expect(locked.body.errors[0].message).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, LOCK_MS + 1000))
    const unlocked = await send(server.url, 'POST', '/api/users/login', { email: user.email, password: PASSWORD })
    expect(unlocked.status).toBe(200)
    expect(unlocked.body.token).toBeTruthy()
  }, 30_000)
})
