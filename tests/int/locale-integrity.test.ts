import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { paragraph, richText } from '../../src/seed/lexical'
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
 * Locale integrity (issue 9, item 3): saving one locale never writes another locale's
 * fallback text into it. The admin's publish button sends its PATCH without
 * `fallback-locale`, takes the answer into its form, and the next autosave sends that
 * back: if the answer carried the Dutch fallback for the fields the English
 * translation left empty, the autosave stored Dutch text as English. Done here over
 * HTTP exactly as the admin does it (the same URLs and bodies); the browser test
 * tests/e2e/translation does it by hand in Chromium.
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

describe('a translation keeps only its own text', () => {
  it('publish of an English title, then an autosave of what the admin got back: Dutch stays out of English', async () => {
    const dutchBody = marker('Nederlandse inhoud')
    const dutchSeo = marker('SEO NL').slice(0, 60)
    const page = await createDoc(
      server.url,
      accounts.editorToken,
      'pages',
      {
        title: marker('Over het programma'),
        slug: marker('over'),
        content: richText(paragraph(dutchBody)),
        meta: { title: dutchSeo },
      },
      false,
    )
    const auth = { token: accounts.editorToken }

    // The publish button (PublishButton.publish): ?depth=0&locale=en, no fallback-locale.
    const englishTitle = marker('About the programme')
    const published = await send(
      server.url,
      'PATCH',
      `/api/pages/${page.id}?depth=0&locale=en`,
      { title: englishTitle, _status: 'published' },
      auth,
    )
    expect(published.status).toBe(200)
    const answered = published.body.doc
    expect(answered.title).toBe(englishTitle)
    // The answer to a write shows the locale's own values: no Dutch for what English left empty.
    expect(JSON.stringify(answered.content ?? null)).not.toContain(dutchBody)
    expect(answered.meta?.title ?? null).not.toBe(dutchSeo)

    // The next autosave (Autosave component) sends the form as it now is, everything it got
    // back, with `_status: 'draft'` as its override.
    const { id: _id, createdAt: _c, updatedAt: _u, ...form } = answered
    const autosaved = await send(
      server.url,
      'PATCH',
      `/api/pages/${page.id}?autosave=true&depth=0&draft=true&fallback-locale=null&locale=en`,
      { ...form, title: `${englishTitle} (bewerkt)`, _status: 'draft' },
      auth,
    )
    expect(autosaved.status).toBe(200)

    // What English holds now, without fallback: its own title, no Dutch body, no Dutch SEO title.
    const stored = await get(
      server.url,
      `/api/pages/${page.id}?locale=en&draft=true&fallback-locale=none&depth=0`,
      auth,
    )
    expect(stored.status).toBe(200)
    expect(stored.body.title).toBe(`${englishTitle} (bewerkt)`)
    expect(JSON.stringify(stored.body.content ?? null)).not.toContain(dutchBody)
    expect(stored.body.meta?.title ?? null).not.toBe(dutchSeo)

    // Dutch is untouched, and an anonymous English reader still gets the Dutch fallback (a read, not a write).
    const dutch = await get(server.url, `/api/pages/${page.id}?locale=nl&depth=0`)
    expect(JSON.stringify(dutch.body.content)).toContain(dutchBody)
    const englishRead = await get(server.url, `/api/pages/${page.id}?locale=en&depth=0`)
    expect(englishRead.body.title).toBe(englishTitle)
    expect(JSON.stringify(englishRead.body.content)).toContain(dutchBody)
  })

  it('a new translation starts empty: the first English save holds only what was typed', async () => {
    const dutchBody = marker('Alleen Nederlands')
    const page = await createDoc(
      server.url,
      accounts.editorToken,
      'pages',
      {
        title: marker('Alleen NL'),
        slug: marker('alleen-nl'),
        content: richText(paragraph(dutchBody)),
      },
      false,
    )
    const auth = { token: accounts.editorToken }
    // Save draft (SaveDraftButton): with fallback-locale=null, as the admin sends it.
    const saved = await send(
      server.url,
      'PATCH',
      `/api/pages/${page.id}?locale=en&depth=0&fallback-locale=null&draft=true`,
      { title: 'Only English title' },
      auth,
    )
    expect(saved.status).toBe(200)
    expect(JSON.stringify(saved.body.doc.content ?? null)).not.toContain(dutchBody)
    const stored = await get(
      server.url,
      `/api/pages/${page.id}?locale=en&draft=true&fallback-locale=none&depth=0`,
      auth,
    )
    expect(JSON.stringify(stored.body.content ?? null)).not.toContain(dutchBody)
  })
})
