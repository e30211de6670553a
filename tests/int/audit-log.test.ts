import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { login, registerFirstAdmin, request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let admin: { token: string; id: number; email: string }
let editor: { token: string; id: number; email: string }

type Entry = { id: number; action: string; collection: string; docId: string; title: string; user: number | null; userEmail: string | null; at: string; changedFields: string[] | null }

/** The log for one document, oldest first, as an administrator reads it. */
const entriesFor = async (collection: string, docId: number | string): Promise<Entry[]> => {
  const res = await request(
    server.url,
    `/api/auditLog?where[collection][equals]=${collection}&where[docId][equals]=${docId}&sort=id&depth=0&limit=100`,
    { token: admin.token },
  )
  expect(res.status).toBe(200)
  return res.body.docs
}

const patch = (path: string, json: Record<string, unknown>, token = admin.token) =>
  request(server.url, path, { method: 'PATCH', json, token })

beforeAll(async () => {
  server = await startServer()
  const token = await registerFirstAdmin(server.url)
  const me = await request(server.url, '/api/users/me', { token })
  admin = { token, id: me.body.user.id, email: me.body.user.email }

  const created = await request(server.url, '/api/users', {
    method: 'POST',
    json: { email: 'redacteur@example.test', password: 'Test-wachtwoord-2', name: 'Redacteur', roles: ['editor'] },
    token,
  })
  expect(created.status).toBe(201)
  editor = { token: await login(server.url, 'redacteur@example.test', 'Test-wachtwoord-2'), id: created.body.doc.id, email: 'redacteur@example.test' }
}, 180_000)

afterAll(async () => {
  await server?.stop()
}, 60_000)

describe('audit log', () => {
  it('does not record the seed', async () => {
    const res = await request(server.url, '/api/auditLog?where[collection][equals]=pages&limit=1', { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBe(0)
    // …while the seeded pages do exist.
    expect((await request(server.url, '/api/pages?limit=1')).body.totalDocs).toBeGreaterThan(0)
  })

  it('records create, update, publish, draft save, unpublish and delete of a page, by whom and in order', async () => {
    const created = await request(server.url, '/api/pages?draft=true', {
      method: 'POST',
      json: { title: 'Logboekpagina', slug: 'logboek', _status: 'draft' },
      token: admin.token,
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id

    expect((await patch(`/api/pages/${id}?draft=true`, { intro: 'Eerste versie' })).status).toBe(200)
    expect((await patch(`/api/pages/${id}`, { _status: 'published' })).status).toBe(200)
    // A draft saved over the published page is an update, not an unpublish.
    expect((await patch(`/api/pages/${id}?draft=true`, { intro: 'Tweede versie' })).status).toBe(200)
    // The admin's Unpublish button: a non-draft save with status draft.
    expect((await patch(`/api/pages/${id}`, { _status: 'draft' })).status).toBe(200)
    expect((await request(server.url, `/api/pages?where[slug][equals]=logboek`)).body.totalDocs).toBe(0)
    expect((await request(server.url, `/api/pages/${id}`, { method: 'DELETE', token: admin.token })).status).toBe(200)

    const entries = await entriesFor('pages', id)
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'publish', 'update', 'unpublish', 'delete'])
    for (const entry of entries) {
      expect(entry.user).toBe(admin.id)
      expect(entry.userEmail).toBe(admin.email)
      expect(entry.collection).toBe('pages')
      expect(entry.docId).toBe(String(id))
      expect(entry.title).toBe('Logboekpagina')
      expect(Number.isNaN(Date.parse(entry.at))).toBe(false)
    }
    expect(entries[1].changedFields).toEqual(['intro'])
    const times = entries.map((e) => Date.parse(e.at))
    expect([...times].sort((a, b) => a - b)).toEqual(times)
  })

  it("records an editor's publish of a project under the editor", async () => {
    const res = await request(server.url, '/api/projects', {
      method: 'POST',
      json: { title: 'Project van de redacteur', slug: 'project-redacteur', _status: 'published' },
      token: editor.token,
    })
    expect(res.status).toBe(201)
    const entries = await entriesFor('projects', res.body.doc.id)
    expect(entries.map((e) => [e.action, e.user, e.userEmail])).toEqual([
      ['create', editor.id, editor.email],
      ['publish', editor.id, editor.email],
    ])
  })

  it('records successful logins by whom, and not failed ones', async () => {
    const logins = async () => (await entriesFor('users', editor.id)).filter((e) => e.action === 'login')
    const before = await logins()
    expect(before.length).toBeGreaterThanOrEqual(1)
    expect(before.every((e) => e.user === editor.id && e.userEmail === editor.email)).toBe(true)

    const failed = await request(server.url, '/api/users/login', {
      method: 'POST',
      json: { email: editor.email, password: 'fout-wachtwoord' },
    })
    expect(failed.status).toBe(401)
    expect(await logins()).toHaveLength(before.length)

    await login(server.url, editor.email, 'Test-wachtwoord-2')
    const after = await logins()
    expect(after).toHaveLength(before.length + 1)
    expect(after.at(-1)).toMatchObject({ action: 'login', collection: 'users', user: editor.id, title: editor.email })
  })

  it('records users, media and globals too', async () => {
    const userChanges = (await entriesFor('users', editor.id)).filter((e) => e.action !== 'login')
    expect(userChanges.map((e) => [e.action, e.user])).toEqual([['create', admin.id]])
    const site = await request(server.url, '/api/globals/site', { method: 'POST', json: { tagline: 'Nieuwe ondertitel' }, token: admin.token })
    expect(site.status).toBe(200)
    const res = await request(server.url, '/api/auditLog?where[collection][equals]=site&sort=-id&limit=1', { token: admin.token })
    expect(res.body.docs[0]).toMatchObject({ action: 'update', user: expect.anything(), changedFields: ['tagline'] })
  })

  it('is readable by administrators only', async () => {
    expect((await request(server.url, '/api/auditLog', { token: editor.token })).status).toBe(403)
    expect((await request(server.url, '/api/auditLog')).status).toBe(403)
    const [entry] = await entriesFor('projects', (await request(server.url, '/api/projects?where[slug][equals]=project-redacteur')).body.docs[0].id)
    expect((await request(server.url, `/api/auditLog/${entry.id}`, { token: editor.token })).status).toBe(403)
    expect((await request(server.url, `/api/auditLog/${entry.id}`)).status).toBe(403)
  })

  it('cannot be written through the API by anyone', async () => {
    const [entry] = await entriesFor('projects', (await request(server.url, '/api/projects?where[slug][equals]=project-redacteur')).body.docs[0].id)
    const forged = { action: 'delete', collection: 'pages', docId: '1', at: new Date().toISOString() }
    for (const token of [admin.token, editor.token, undefined]) {
      const post = await request(server.url, '/api/auditLog', { method: 'POST', json: forged, token })
      const change = await request(server.url, `/api/auditLog/${entry.id}`, { method: 'PATCH', json: { action: 'delete' }, token })
      const remove = await request(server.url, `/api/auditLog/${entry.id}`, { method: 'DELETE', token })
      for (const res of [post, change, remove]) {
        expect([403, 405]).toContain(res.status)
        expect(res.body.errors?.[0]?.message).toBeTruthy()
      }
    }
    const after = await entriesFor('projects', entry.docId)
    expect(after[0]).toEqual(entry)
    const forgedCount = await request(server.url, '/api/auditLog?where[docId][equals]=1&where[collection][equals]=pages&where[action][equals]=delete', {
      token: admin.token,
    })
    expect(forgedCount.body.totalDocs).toBe(0)
  })
})
