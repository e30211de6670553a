import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'
import sharp from 'sharp'

import { createEditor, graphql, registerFirstAdmin, request } from '../helpers/api'
import { type EditorBrowser, launchEditorBrowser } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

/**
 * The editor's publish flow in a real browser (Debian's Chromium driven by
 * playwright-core): log in at /admin, try to publish a page whose rich text holds
 * an image without alt text, get refused with a message about the alt text, fix
 * the image's alt text in the admin, publish, and find the page anonymously.
 */

const EDITOR = { email: 'redacteur.browser@example.test', password: 'Test-wachtwoord-3' }
const SLUG = 'pagina-met-afbeelding'
const ALT = 'Twee medewerkers van de reclassering in gesprek'

let server: TestServer
let editorToken: string
let mediaId: number
let pageId: number
let browser: EditorBrowser | undefined
let page: Page

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children: [{ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text }],
})

/** Lexical rich text as the admin stores it: a paragraph and an image (upload node). */
const contentWithImage = (id: number) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      paragraph('Deze pagina heeft een afbeelding.'),
      {
        type: 'upload',
        version: 3,
        format: '',
        id: 'e2e-image-1',
        fields: {},
        relationTo: 'media',
        value: id,
      },
    ],
  },
})

const anonymousPage = async () => {
  const res = await graphql<{ Pages: { docs: { id: number; slug: string; title: string }[] } }>(
    server.url,
    'query ($slug: String) { Pages(where: { slug: { equals: $slug } }) { docs { id slug title } } }',
    { slug: SLUG },
  )
  expect(res.body.errors).toBeUndefined()
  return res.body.data!.Pages.docs
}

/** Text of the admin's error toasts and field errors currently on screen. */
const visibleErrors = (p: Page) =>
  p
    .locator('[data-sonner-toast][data-type="error"], .field-error')
    .allInnerTexts()
    .then((texts) => texts.join('\n'))

const shot = async (name: string) => {
  // Screenshots help when the admin changes; they land beside the test's temp data.
  await page.screenshot({ path: path.join(server.dataDir, `${name}.png`) }).catch(() => {})
}

beforeAll(async () => {
  server = await startServer()
  const adminToken = await registerFirstAdmin(server.url)
  editorToken = await createEditor(server.url, adminToken, { ...EDITOR, name: 'Redacteur Browser' })

  // An image uploaded without alt text (allowed: alt is enforced when content using it is published).
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c85028' } })
    .png()
    .toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'gesprek.png')
  form.append('_payload', JSON.stringify({}))
  const media = await request(server.url, '/api/media', {
    method: 'POST',
    token: editorToken,
    body: form,
  })
  expect(media.status).toBe(201)
  expect(media.body.doc.alt ?? null).toBeNull()
  mediaId = media.body.doc.id

  // The editor's draft: title and rich text with that image.
  const draft = await request(server.url, '/api/pages?draft=true', {
    method: 'POST',
    token: editorToken,
    json: {
      title: 'Pagina met afbeelding',
      slug: SLUG,
      _status: 'draft',
      content: contentWithImage(mediaId),
    },
  })
  expect(draft.status).toBe(201)
  pageId = draft.body.doc.id
  expect(await anonymousPage()).toHaveLength(0)

  // The shared Dutch editor's browser (nl-NL, Europe/Amsterdam); it fails clearly without Chromium.
  browser = await launchEditorBrowser()
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('editor publishes a page in the admin', () => {
  it('is refused while an image lacks alt text, and publishes once it is fixed', async () => {
    // Log in.
    await page.goto(`${server.url}/admin/login`)
    await page.fill('#field-email', EDITOR.email)
    await page.fill('#field-password', EDITOR.password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/)

    // Open the draft and publish: refused, with a message about the alt text.
    await page.goto(`${server.url}/admin/collections/pages/${pageId}`)
    await page.waitForSelector('#field-title')
    expect(await page.inputValue('#field-title')).toBe('Pagina met afbeelding')
    await page.waitForSelector('.rich-text-lexical')
    await page.click('#action-save')
    await page.waitForSelector('[data-sonner-toast][data-type="error"]')
    await page
      .waitForFunction(
        () =>
          [
            ...document.querySelectorAll('[data-sonner-toast][data-type="error"], .field-error'),
          ].some((el) =>
            /\balt\b|alt-?tekst|alternatieve tekst/i.test((el as HTMLElement).innerText),
          ),
        undefined,
        { timeout: 10_000 },
      )
      .catch(async () => {
        await shot('refusal')
        throw new Error(
          `no error mentioning the alt text; errors shown: ${await visibleErrors(page)}`,
        )
      })
    expect(await anonymousPage()).toHaveLength(0)
    const stillDraft = await request(server.url, `/api/pages/${pageId}?draft=false`, {
      token: editorToken,
    })
    expect(stillDraft.body._status).not.toBe('published')

    // Fix: give the image its alt text in the media document.
    await page.goto(`${server.url}/admin/collections/media/${mediaId}`)
    await page.waitForSelector('#field-alt')
    await page.fill('#field-alt', ALT)
    await page.click('#action-save')
    await page.waitForSelector('[data-sonner-toast][data-type="success"]')
    const media = await request(server.url, `/api/media/${mediaId}`)
    expect(media.body.alt).toBe(ALT)

    // Publish again: accepted.
    await page.goto(`${server.url}/admin/collections/pages/${pageId}`)
    await page.waitForSelector('#field-title')
    await page.waitForSelector('.rich-text-lexical')
    await page.click('#action-save')
    await page.waitForSelector('[data-sonner-toast][data-type="success"]').catch(async () => {
      await shot('publish')
      throw new Error(`publishing was not confirmed; errors shown: ${await visibleErrors(page)}`)
    })

    // The page is public now.
    const docs = await anonymousPage()
    expect(docs).toEqual([{ id: pageId, slug: SLUG, title: 'Pagina met afbeelding' }])
  })
})
