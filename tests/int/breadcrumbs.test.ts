import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import {
  type Accounts,
  createAccounts,
  createDoc,
  get,
  marker,
  send,
} from '../helpers/accessFixtures'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Breadcrumbs and paths (issue 9, item 7): per locale (each crumb carries the page's
 * title in that locale), from the parents' published state (a parent's draft changes
 * nothing public), one row per level however often the page is saved, and only a
 * published page can be a parent.
 */
let server: TestServer
let accounts: Accounts

beforeAll(async () => {
  server = await startServer()
  accounts = await createAccounts(server.url)
})

afterAll(async () => {
  await server?.stop()
})

type Crumb = { id: string; url: string; label: string; doc: unknown }
const crumbs = async (id: number, query = ''): Promise<Crumb[]> => {
  const res = await get(server.url, `/api/pages/${id}?depth=0${query}`)
  expect(res.status).toBe(200)
  return res.body.breadcrumbs as Crumb[]
}

describe('breadcrumbs', () => {
  const auth = () => ({ token: accounts.editorToken })
  let parent: { id: number; slug: string }
  let child: { id: number; slug: string }

  beforeAll(async () => {
    parent = await createDoc(
      server.url,
      accounts.editorToken,
      'pages',
      { title: 'Over ons', slug: marker('over-ons') },
      false,
    )
    child = await createDoc(
      server.url,
      accounts.editorToken,
      'pages',
      { title: 'Het team', slug: marker('het-team'), parent: parent.id },
      false,
    )
    // The English translation: parent first, then the child.
    for (const [id, title] of [
      [parent.id, 'About us'],
      [child.id, 'The team'],
    ] as const) {
      const res = await send(
        server.url,
        'PATCH',
        `/api/pages/${id}?locale=en`,
        { title, _status: 'published' },
        auth(),
      )
      expect(res.status).toBe(200)
    }
  })

  it('carry each locale its own titles, and the same path', async () => {
    const nl = await crumbs(child.id, '&locale=nl')
    const en = await crumbs(child.id, '&locale=en')
    expect(nl.map((crumb) => crumb.label)).toEqual(['Over ons', 'Het team'])
    expect(en.map((crumb) => crumb.label)).toEqual(['About us', 'The team'])
    const path = [`/${parent.slug}`, `/${parent.slug}/${child.slug}`]
    expect(nl.map((crumb) => crumb.url)).toEqual(path)
    expect(en.map((crumb) => crumb.url)).toEqual(path)
  })

  it('name the page itself in its own crumb from its first save, in every locale shape', async () => {
    const fresh = await createDoc(
      server.url,
      accounts.editorToken,
      'pages',
      { title: 'Nieuw', slug: marker('nieuw'), parent: parent.id },
      false,
    )
    const nl = await crumbs(fresh.id, '&locale=nl')
    expect(nl.map((crumb) => crumb.doc)).toEqual([parent.id, fresh.id])
    // The draft the admin reads, and locale=all (crumbs per locale).
    const draft = await get(server.url, `/api/pages/${fresh.id}?depth=0&draft=true`, auth())
    expect(draft.body.breadcrumbs.at(-1).doc).toBe(fresh.id)
    const all = await get(server.url, `/api/pages/${fresh.id}?depth=0&locale=all`)
    expect(all.status).toBe(200)
    expect(all.body.breadcrumbs.nl.at(-1).doc).toBe(fresh.id)
    // GraphQL resolves it to the page itself.
    const gql = await send(server.url, 'POST', '/api/graphql', {
      query: `{ Page(id: ${fresh.id}) { breadcrumbs { doc { id title } } } }`,
    })
    expect(gql.body.data.Page.breadcrumbs.at(-1).doc).toEqual({ id: fresh.id, title: 'Nieuw' })
  })

  it('keep one row per level through saves and autosaves that send the rows back', async () => {
    const before = await crumbs(child.id, '&locale=nl')
    for (let round = 0; round < 3; round++) {
      const current = await get(
        server.url,
        `/api/pages/${child.id}?draft=true&depth=0&locale=nl`,
        auth(),
      )
      const saved = await send(
        server.url,
        'PATCH',
        `/api/pages/${child.id}?autosave=true&draft=true&depth=0&fallback-locale=null&locale=nl`,
        { ...current.body, title: `Het team ${round}`, _status: 'draft' },
        auth(),
      )
      expect(saved.status).toBe(200)
      expect(saved.body.doc.breadcrumbs).toHaveLength(2)
      // The same rows, updated in place.
      expect(saved.body.doc.breadcrumbs.map((crumb: Crumb) => crumb.id)).toEqual(
        before.map((crumb) => crumb.id),
      )
    }
    const draft = await get(
      server.url,
      `/api/pages/${child.id}?draft=true&depth=0&locale=nl`,
      auth(),
    )
    expect(draft.body.breadcrumbs.map((crumb: Crumb) => crumb.label)).toEqual([
      'Over ons',
      'Het team 2',
    ])
    // Still published as it was: the autosaves were drafts.
    expect((await crumbs(child.id, '&locale=nl')).map((crumb) => crumb.label)).toEqual([
      'Over ons',
      'Het team',
    ])
  })

  it("follow a parent's published change, in every locale, and ignore its draft", async () => {
    // A draft of the parent with a new title and slug: nothing public changes.
    const draft = await send(
      server.url,
      'PATCH',
      `/api/pages/${parent.id}?draft=true&locale=nl`,
      { title: 'Over ons (concept)', slug: marker('concept-slug'), _status: 'draft' },
      auth(),
    )
    expect(draft.status).toBe(200)
    const child1 = await send(
      server.url,
      'PATCH',
      `/api/pages/${child.id}?locale=nl`,
      { title: 'Het team', _status: 'published' },
      auth(),
    )
    expect(child1.status).toBe(200)
    const afterDraft = await crumbs(child.id, '&locale=nl')
    expect(afterDraft.map((crumb) => crumb.label)).toEqual(['Over ons', 'Het team'])
    expect(afterDraft[0]!.url).toBe(`/${parent.slug}`)

    // Published with a new slug: the child's path changes in both locales.
    const newSlug = marker('wie-wij-zijn')
    const published = await send(
      server.url,
      'PATCH',
      `/api/pages/${parent.id}?locale=nl`,
      { title: 'Wie wij zijn', slug: newSlug, _status: 'published' },
      auth(),
    )
    expect(published.status).toBe(200)
    const nl = await crumbs(child.id, '&locale=nl')
    const en = await crumbs(child.id, '&locale=en')
    expect(nl.map((crumb) => crumb.url)).toEqual([`/${newSlug}`, `/${newSlug}/${child.slug}`])
    expect(en.map((crumb) => crumb.url)).toEqual([`/${newSlug}`, `/${newSlug}/${child.slug}`])
    expect(nl.map((crumb) => crumb.label)).toEqual(['Wie wij zijn', 'Het team'])
    expect(en.map((crumb) => crumb.label)).toEqual(['About us', 'The team'])
  })

  it('accept only a published page as parent, never one below the page itself', async () => {
    const unpublished = await createDoc(
      server.url,
      accounts.editorToken,
      'pages',
      { title: 'Nog niet gepubliceerd', slug: marker('concept') },
      true,
    )
    const refused = await send(
      server.url,
      'PATCH',
      `/api/pages/${child.id}`,
      { parent: unpublished.id },
      auth(),
    )
    expect(refused.status).toBe(400)
    const itself = await send(
      server.url,
      'PATCH',
      `/api/pages/${parent.id}`,
      { parent: child.id },
      auth(),
    )
    expect(itself.status).toBe(400)
    expect(itself.text).toContain('onder zichzelf')
    expect((await crumbs(child.id, '&locale=nl')).length).toBe(2)
  })
})
