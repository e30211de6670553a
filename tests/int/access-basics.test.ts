import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { graphql, registerFirstAdmin, request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/** The basic doors of issue 2: users are private, drafts are private, contact details are private by default. */
let server: TestServer
let token: string
let adminId: number | string

beforeAll(async () => {
  server = await startServer()
  token = await registerFirstAdmin(server.url)
  const me = await request(server.url, '/api/users/me', { token })
  adminId = me.body.user.id
})

afterAll(async () => {
  await server?.stop()
})

describe('users', () => {
  it('refuses the anonymous list and single user', async () => {
    const list = await request(server.url, '/api/users')
    expect(list.status).toBe(403)
    expect(list.body.errors[0].message).toEqual(expect.any(String))
    expect(list.text).not.toContain('beheerder@example.test')

    const one = await request(server.url, `/api/users/${adminId}`)
    expect(one.status).toBe(403)
    expect(one.text).not.toContain('beheerder@example.test')
  })

  it('shows them to the admin (the refusal is about access, not a broken route)', async () => {
    const list = await request(server.url, '/api/users', { token })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((user: any) => user.email)).toEqual(['beheerder@example.test'])
  })

  it('gives no user data over anonymous GraphQL', async () => {
    const res = await graphql(server.url, '{ Users { docs { id email } } }')
    expect(res.body.data?.Users ?? null).toBeNull()
    expect(res.body.errors?.length).toBeGreaterThan(0)
    expect(res.text).not.toContain('beheerder@example.test')

    const one = await graphql(server.url, `{ User(id: ${Number(adminId)}) { email } }`)
    expect(one.body.data?.User ?? null).toBeNull()
    expect(one.text).not.toContain('beheerder@example.test')
  })
})

describe('drafts', () => {
  const drafts: Record<string, { id: number | string; slug: string }> = {}

  beforeAll(async () => {
    for (const [collection, title] of [
      ['pages', 'Geheime conceptpagina'],
      ['projects', 'Geheim conceptproject'],
    ] as const) {
      const res = await request(server.url, `/api/${collection}?draft=true`, {
        method: 'POST',
        token,
        json: { title, _status: 'draft' },
      })
      if (res.status !== 201) throw new Error(`create draft ${collection}: ${res.status} ${res.text}`)
      expect(res.body.doc._status).toBe('draft')
      drafts[collection] = { id: res.body.doc.id, slug: res.body.doc.slug }
    }
  })

  it.each(['pages', 'projects'])('%s: the admin sees the draft', async (collection) => {
    const { id } = drafts[collection]!
    const res = await request(server.url, `/api/${collection}/${id}?draft=true`, { token })
    expect(res.status).toBe(200)
    expect(res.body._status).toBe('draft')
  })

  it.each(['pages', 'projects'])('%s: an anonymous reader does not see it in the list, by id or by slug', async (collection) => {
    const { id, slug } = drafts[collection]!
    for (const query of ['', '?draft=true', '?limit=100&depth=0']) {
      const list = await request(server.url, `/api/${collection}${query}`)
      expect(list.status).toBe(200)
      expect(list.body.docs.map((doc: any) => doc.id)).not.toContain(id)
      expect(list.text).not.toContain('Geheim')
    }
    for (const query of ['', '?draft=true']) {
      const byId = await request(server.url, `/api/${collection}/${id}${query}`)
      expect(byId.status).toBe(404)
      expect(byId.text).not.toContain('Geheim')
    }
    for (const query of [`?where[slug][equals]=${slug}`, `?where[slug][equals]=${slug}&draft=true`, `?where[_status][equals]=draft&draft=true`]) {
      const bySlug = await request(server.url, `/api/${collection}${query}`)
      expect(bySlug.status).toBe(200)
      expect(bySlug.body.totalDocs).toBe(0)
    }
  })

  it.each([
    ['pages', 'Pages', 'Page'],
    ['projects', 'Projects', 'Project'],
  ])('%s: an anonymous GraphQL reader does not see it, also with draft: true', async (collection, list, single) => {
    const { id, slug } = drafts[collection]!
    for (const draft of ['', '(draft: true)']) {
      const res = await graphql(server.url, `{ ${list}${draft} { docs { id title } } }`)
      expect(res.body.data?.[list]).toBeDefined()
      expect(res.text).not.toContain('Geheim')
    }
    for (const args of [`id: ${Number(id)}`, `id: ${Number(id)}, draft: true`]) {
      const res = await graphql(server.url, `{ ${single}(${args}) { id title } }`)
      expect(res.body.data?.[single] ?? null).toBeNull()
      expect(res.text).not.toContain('Geheim')
    }
    const bySlug = await graphql(server.url, `{ ${list}(draft: true, where: { slug: { equals: "${slug}" } }) { totalDocs } }`)
    expect(bySlug.body.data?.[list]?.totalDocs).toBe(0)
  })
})

describe('project contact', () => {
  const create = async (title: string, contactPublic: boolean) => {
    const res = await request(server.url, '/api/projects', {
      method: 'POST',
      token,
      json: {
        title,
        _status: 'published',
        contact: { public: contactPublic, name: `Contact ${title}`, organisation: 'Reclassering', email: `contact-${contactPublic}@example.test` },
      },
    })
    if (res.status !== 201) throw new Error(`create project: ${res.status} ${res.text}`)
    return res.body.doc.id as number
  }

  it('hides name and e-mail anonymously unless the contact is public', async () => {
    const hidden = await create('Project met besloten contact', false)
    const shown = await create('Project met openbaar contact', true)

    const anonymousHidden = await request(server.url, `/api/projects/${hidden}`)
    expect(anonymousHidden.status).toBe(200)
    expect(anonymousHidden.body.contact.organisation).toBe('Reclassering')
    expect(anonymousHidden.body.contact.name).toBeUndefined()
    expect(anonymousHidden.body.contact.email).toBeUndefined()
    expect(anonymousHidden.text).not.toContain('contact-false@example.test')

    const anonymousShown = await request(server.url, `/api/projects/${shown}`)
    expect(anonymousShown.body.contact).toMatchObject({ name: 'Contact Project met openbaar contact', email: 'contact-true@example.test' })

    const editor = await request(server.url, `/api/projects/${hidden}`, { token })
    expect(editor.body.contact).toMatchObject({ name: 'Contact Project met besloten contact', email: 'contact-false@example.test' })

    const gql = await graphql(server.url, `{ Projects(limit: 50) { docs { id contact { public name email } } } }`)
    const byId = Object.fromEntries(gql.body.data.Projects.docs.map((doc: any) => [doc.id, doc.contact]))
    expect(byId[hidden].name ?? null).toBeNull()
    expect(byId[hidden].email ?? null).toBeNull()
    expect(byId[shown].email).toBe('contact-true@example.test')
    expect(gql.text).not.toContain('contact-false@example.test')
  })
})
