import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'
import sharp from 'sharp'

import { createEditor, registerFirstAdmin, request } from '../helpers/api'
import {
  type EditorBrowser,
  launchEditorBrowser,
  loginInBrowser,
  screenshot,
  step,
  toasts,
} from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 1 in the admin: an editor creates an infographic document with a PNG,
 * saves it as a draft, and presses "Publiceer" before writing the text alternative.
 * The publish is refused — and the PNG and every image size must still be there,
 * under the same names, after the refusal and after the editor fixes and publishes.
 */

const EDITOR = { email: 'redacteur.bestanden@example.test', password: 'Test-wachtwoord-9' }
const TITLE = 'Infographic recidive in beeld'

let server: TestServer
let editorToken: string
let browser: EditorBrowser
let page: Page

/** Every stored file of a document (original and sizes) with the status it is served with. */
const servedFiles = async (id: number) => {
  const doc = await request(server.url, `/api/documents/${id}?draft=true&depth=0`, {
    token: editorToken,
  })
  expect(doc.status).toBe(200)
  const urls: string[] = [
    doc.body.url,
    ...Object.values(doc.body.sizes ?? {}).map((size: any) => size?.url),
  ].filter((url): url is string => typeof url === 'string' && url !== '')
  const statuses: Record<string, number> = {}
  for (const url of urls) {
    const res = await fetch(new URL(url, server.url), {
      headers: { Authorization: `JWT ${editorToken}` },
    })
    await res.arrayBuffer()
    statuses[new URL(url, server.url).pathname] = res.status
  }
  return { filename: doc.body.filename as string, statuses }
}

beforeAll(async () => {
  server = await startServer()
  const adminToken = await registerFirstAdmin(server.url)
  editorToken = await createEditor(server.url, adminToken, {
    ...EDITOR,
    name: 'Redacteur Bestanden',
  })
  browser = await launchEditorBrowser()
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a refused publish in the admin keeps the uploaded file', () => {
  it('keeps the PNG and its sizes through a refused publish, and publishes it under the same name', async () => {
    await loginInBrowser(page, server.url, EDITOR)
    const png = await sharp({
      create: { width: 900, height: 600, channels: 3, background: '#1f6f8b' },
    })
      .png()
      .toBuffer()

    // Create: file, title, type infographic; autosave makes the draft.
    await page.goto(`${server.url}/admin/collections/documents/create`)
    await page.waitForSelector('input[type="file"]', { state: 'attached' })
    await page.setInputFiles('input[type="file"]', {
      name: 'recidive.png',
      mimeType: 'image/png',
      buffer: png,
    })
    await page.fill('#field-title', TITLE)
    await page.click('#field-type')
    await page.click('.rs__option:has-text("Infographic")')
    const id = await step(page, 'lostfile-autosave', async () => {
      await page.waitForURL(/\/admin\/collections\/documents\/\d+/)
      const created = Number(/documents\/(\d+)/.exec(page.url())![1])
      // Autosave has stored the type too.
      for (let i = 0; i < 100; i++) {
        const draft = await request(server.url, `/api/documents/${created}?draft=true&depth=0`, {
          token: editorToken,
        })
        if (draft.body?.type === 'infographic' && draft.body?.filename) break
        await page.waitForTimeout(200)
      }
      return created
    })
    const before = await servedFiles(id)
    expect(before.filename).toBe('recidive.png')
    expect(Object.keys(before.statuses).length).toBeGreaterThan(1)
    expect(Object.values(before.statuses).every((status) => status === 200)).toBe(true)

    // Publish without a text alternative: refused.
    await step(page, 'lostfile-refused', async () => {
      await page.click('#action-save')
      await page.waitForSelector('[data-sonner-toast][data-type="error"]')
    })
    // The refusal is Dutch and names the field by its label.
    await page
      .waitForFunction(() =>
        [...document.querySelectorAll('[data-sonner-toast][data-type="error"]')].some((el) =>
          (el as HTMLElement).innerText.includes('Tekstalternatief'),
        ),
      )
      .catch(() => {})
    const refusal = await toasts(page)
    expect(refusal).toMatch(/Tekstalternatief/)
    expect(refusal).not.toMatch(/following|textAlternative/)
    await screenshot(page, 'refused-publish')

    // Nothing lost: the same names, all still served.
    const afterRefusal = await servedFiles(id)
    expect(afterRefusal).toEqual(before)

    // Fix: write the text alternative, publish.
    await step(page, 'lostfile-fix', async () => {
      const editor = page.locator('.rich-text-lexical [contenteditable="true"]').first()
      await editor.click()
      await page.keyboard.type(
        'Twee op de drie mensen met een taakstraf komen niet terug in de cijfers.',
      )
      await page.click('#action-save')
      await page.waitForSelector('[data-sonner-toast][data-type="success"]')
    })
    const published = await request(server.url, `/api/documents/${id}?depth=0`)
    expect(published.status).toBe(200)
    expect(published.body._status).toBe('published')
    expect(published.body.filename).toBe('recidive.png')
    const download = await fetch(`${server.url}/downloads/${published.body.slug}`)
    expect(download.status).toBe(200)
    const afterPublish = await servedFiles(id)
    expect(afterPublish).toEqual(before)
  })
})
