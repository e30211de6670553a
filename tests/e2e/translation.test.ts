import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { paragraph, richText } from '../../src/seed/lexical'
import { createEditor, registerFirstAdmin, request } from '../helpers/api'
import { makePdf } from '../helpers/files'
import {
  type EditorBrowser,
  launchEditorBrowser,
  loginInBrowser,
  screenshot,
  step,
} from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 3, as an editor does it in Chromium: open the English translation of a
 * Dutch page, type an English title, "Publiceer", go on typing (autosave). The English
 * translation then holds what was typed and nothing else: no Dutch body, no Dutch SEO
 * title (before the fix, the publish answer carried the Dutch fallback into the form and
 * the next autosave stored it as English).
 */
const EDITOR = { email: 'redacteur.vertaling@example.test', password: 'Test-wachtwoord-9' }
const DUTCH_BODY = 'Samen werken justitie, zorg en gemeenten aan minder recidive.'
const DUTCH_SEO = 'Over Koers en kansen (SEO)'

let server: TestServer
let editorToken: string
let browser: EditorBrowser
let page: Page
let pageId: number

const english = () =>
  request(server.url, `/api/pages/${pageId}?locale=en&draft=true&fallback-locale=none&depth=0`, {
    token: editorToken,
  })

beforeAll(async () => {
  server = await startServer()
  const adminToken = await registerFirstAdmin(server.url)
  editorToken = await createEditor(server.url, adminToken, {
    ...EDITOR,
    name: 'Redacteur Vertaling',
  })
  const dutch = await request(server.url, '/api/pages', {
    method: 'POST',
    token: editorToken,
    json: {
      title: 'Over het programma',
      slug: 'over-het-programma-vertaling',
      content: richText(paragraph(DUTCH_BODY)),
      meta: { title: DUTCH_SEO },
      _status: 'published',
    },
  })
  expect(dutch.status).toBe(201)
  pageId = dutch.body.doc.id
  browser = await launchEditorBrowser()
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('an English translation keeps only English text', () => {
  it('starts empty, publishes the typed title, and autosaves no Dutch into English', async () => {
    await loginInBrowser(page, server.url, EDITOR)
    await page.goto(`${server.url}/admin/collections/pages/${pageId}?locale=en`)
    await page.waitForSelector('#field-title')
    await page.waitForSelector('.rich-text-lexical')
    // A new translation starts empty: no Dutch title or body shown as if it were English.
    expect(await page.inputValue('#field-title')).toBe('')
    expect(await page.locator('.rich-text-lexical').first().innerText()).not.toContain(DUTCH_BODY)

    await step(page, 'translation-publish', async () => {
      await page.fill('#field-title', 'About the programme')
      await page.click('#action-save')
      await page.waitForSelector('[data-sonner-toast][data-type="success"]')
    })
    const published = await english()
    expect(published.body.title).toBe('About the programme')

    // Go on typing: the autosave stores the form as it is now.
    await step(page, 'translation-autosave', async () => {
      await page.fill('#field-title', 'About the programme, edited')
      let saved = await english()
      for (let i = 0; i < 100 && saved.body.title !== 'About the programme, edited'; i++) {
        await page.waitForTimeout(200)
        saved = await english()
      }
      expect(saved.body.title).toBe('About the programme, edited')
    })
    const stored = await english()
    expect(JSON.stringify(stored.body.content ?? null)).not.toContain(DUTCH_BODY)
    expect(stored.body.meta?.title ?? null).not.toBe(DUTCH_SEO)
    // The form did not get the Dutch text either.
    expect(await page.locator('.rich-text-lexical').first().innerText()).not.toContain(DUTCH_BODY)
    await screenshot(page, 'translation-after-autosave')

    // Dutch is as it was; an anonymous English reader gets the English title with the Dutch body as fallback.
    const dutch = await request(server.url, `/api/pages/${pageId}?locale=nl&depth=0`)
    expect(dutch.body.title).toBe('Over het programma')
    const anonymousEnglish = await request(server.url, `/api/pages/${pageId}?locale=en&depth=0`)
    expect(anonymousEnglish.body.title).toBe('About the programme')
    expect(JSON.stringify(anonymousEnglish.body.content)).toContain(DUTCH_BODY)
  })
})

/**
 * The same for the other content collections: a Dutch text field the English translation
 * leaves empty (summary, description) stays empty in English after publish and autosave.
 */
const OTHERS = [
  { slug: 'projects', field: 'summary', extra: {} },
  { slug: 'documents', field: 'description', extra: {} },
  {
    slug: 'animations',
    field: 'description',
    extra: {
      externalUrl: 'https://vimeo.com/76979871',
      captions: [{ language: 'nl', vtt: 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHallo.\n' }],
      transcript: richText(paragraph('Hallo, dit is de Nederlandse tekst.')),
    },
  },
] as const

describe.each(OTHERS)(
  '$slug: an English translation keeps only English text',
  ({ slug, field, extra }) => {
    const dutchText = `Nederlandse ${field} van ${slug}, niet vertalen.`
    let id: number

    beforeAll(async () => {
      const json = {
        title: `Nederlands ${slug}`,
        slug: `vertaling-${slug}`,
        [field]: dutchText,
        ...extra,
        _status: 'published',
      }
      if (slug === 'documents') {
        const form = new FormData()
        form.set('_payload', JSON.stringify({ ...json, type: 'factsheet' }))
        form.set(
          'file',
          new Blob([new Uint8Array(makePdf(['Vertaling']))], { type: 'application/pdf' }),
          'vertaling.pdf',
        )
        const res = await request(server.url, '/api/documents', {
          method: 'POST',
          token: editorToken,
          body: form,
        })
        expect(res.status).toBe(201)
        id = res.body.doc.id
      } else {
        const res = await request(server.url, `/api/${slug}`, {
          method: 'POST',
          token: editorToken,
          json,
        })
        expect(res.status).toBe(201)
        id = res.body.doc.id
      }
    })

    it('starts empty, publishes the typed title, and autosaves no Dutch into English', async () => {
      const englishOf = () =>
        request(
          server.url,
          `/api/${slug}/${id}?locale=en&draft=true&fallback-locale=none&depth=0`,
          { token: editorToken },
        )
      await page.goto(`${server.url}/admin/collections/${slug}/${id}?locale=en`)
      await page.waitForSelector('#field-title')
      expect(await page.inputValue('#field-title')).toBe('')
      expect(await page.inputValue(`#field-${field}`)).toBe('')
      await step(page, `${slug}-translation-publish`, async () => {
        await page.fill('#field-title', `English ${slug}`)
        if (slug === 'animations') {
          // Publishing needs a transcript in every language it is published in.
          await page.locator('.rich-text-lexical [contenteditable="true"]').last().click()
          await page.keyboard.type('Hello, this is the English transcript.')
        }
        await page.click('#action-save')
        await page.waitForSelector('[data-sonner-toast][data-type="success"]')
      })
      await step(page, `${slug}-translation-autosave`, async () => {
        await page.fill('#field-title', `English ${slug}, edited`)
        let saved = await englishOf()
        for (let i = 0; i < 100 && saved.body.title !== `English ${slug}, edited`; i++) {
          await page.waitForTimeout(200)
          saved = await englishOf()
        }
        expect(saved.body.title).toBe(`English ${slug}, edited`)
      })
      const stored = await englishOf()
      expect(stored.body[field] ?? null).toBeNull()
      expect(await page.inputValue(`#field-${field}`)).toBe('')
      const dutch = await request(server.url, `/api/${slug}/${id}?locale=nl&depth=0`)
      expect(dutch.body[field]).toBe(dutchText)
    })
  },
)
