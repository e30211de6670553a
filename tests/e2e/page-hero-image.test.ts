import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { createEditor, registerFirstAdmin, request } from '../helpers/api'
import {
  type EditorBrowser,
  launchEditorBrowser,
  loginInBrowser,
  screenshot,
  step,
  toasts,
} from '../helpers/browser'
import { makePhoto } from '../helpers/files'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 8 (part): a page's hero image, the way an editor adds it. In the page,
 * "Hoofdafbeelding" → "Nieuwe aanmaken", upload a photo without alt text; publishing is
 * refused with a Dutch message about the alt text; the editor opens the image from the
 * field, writes the alt text, publishes; the public then gets the page with the image,
 * its alt text and every size.
 */
const EDITOR = { email: 'redacteur.hero@example.test', password: 'Test-wachtwoord-8' }
const TITLE = 'Werken aan minder recidive'
const ALT = 'Een reclasseringswerker en een deelnemer lopen door een park'

let server: TestServer
let editorToken: string
let browser: EditorBrowser
let page: Page

beforeAll(async () => {
  server = await startServer()
  const adminToken = await registerFirstAdmin(server.url)
  editorToken = await createEditor(server.url, adminToken, { ...EDITOR, name: 'Redacteur Hero' })
  browser = await launchEditorBrowser()
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const heroField = (page: Page) =>
  page.locator('.field-type.upload').filter({ hasText: 'Hoofdafbeelding' }).first()

describe("a page's hero image in the admin", () => {
  it('is uploaded from the page, refused without alt text, fixed from the field and published', async () => {
    const photo = await makePhoto('jpeg')
    await loginInBrowser(page, server.url, EDITOR)
    await page.goto(`${server.url}/admin/collections/pages/create`)
    await page.waitForSelector('#field-title')
    await page.fill('#field-title', TITLE)
    const id = await step(page, 'hero-autosave', async () => {
      await page.waitForURL(/\/admin\/collections\/pages\/\d+/)
      return Number(/pages\/(\d+)/.exec(page.url())![1])
    })

    await step(page, 'hero-upload', async () => {
      await heroField(page).locator('.upload__createNewToggler').click()
      const drawer = page.locator('.doc-drawer').last()
      await drawer.locator('input[type="file"]').waitFor({ state: 'attached' })
      expect(await drawer.getByText('URL plakken').count()).toBe(0)
      await drawer.locator('input[type="file"]').setInputFiles({
        name: 'park.jpg',
        mimeType: 'image/jpeg',
        buffer: photo,
      })
      await drawer.locator('#action-save').click()
      await drawer.waitFor({ state: 'detached' })
      await heroField(page).getByText('park.jpg').waitFor()
    })

    await step(page, 'hero-refused', async () => {
      // Wait for the autosave that stores the chosen image, then publish.
      for (let i = 0; i < 100; i++) {
        const draft = await request(server.url, `/api/pages/${id}?draft=true&depth=0`, {
          token: editorToken,
        })
        if (draft.body?.heroImage) break
        await page.waitForTimeout(200)
      }
      await page.click('#action-save')
      await page.waitForSelector('[data-sonner-toast][data-type="error"]')
    })
    // The toast names the field by its label, the field says what is missing.
    const refusal = await toasts(page)
    expect(refusal).toMatch(/Hoofdafbeelding/)
    expect(refusal).not.toMatch(/following|heroImage/)
    await screenshot(page, 'hero-refused')
    const fieldError = await heroField(page).locator('.field-error').first().textContent()
    expect(fieldError).toMatch(/alternatieve tekst|alt-?tekst/i)
    expect((await request(server.url, `/api/pages/${id}`)).status).toBe(404)

    await step(page, 'hero-fix', async () => {
      await heroField(page).locator('.upload-relationship-details__edit').click()
      const drawer = page.locator('.doc-drawer').last()
      await drawer.locator('#field-alt').fill(ALT)
      await drawer.locator('#action-save').click()
      await drawer
        .locator('[data-sonner-toast][data-type="success"]')
        .or(page.locator('[data-sonner-toast][data-type="success"]'))
        .first()
        .waitFor()
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'detached' })
      await page.click('#action-save')
      await page.waitForSelector('[data-sonner-toast][data-type="success"]:has-text("Succesvol")')
    })
    await screenshot(page, 'hero-published')

    const published = await request(server.url, `/api/pages/${id}?depth=1`)
    expect(published.status).toBe(200)
    expect(published.body.title).toBe(TITLE)
    const hero = published.body.heroImage
    expect(hero.alt).toBe(ALT)
    expect(hero.filename).toBe('park.jpg')
    const original = await fetch(new URL(hero.url, server.url))
    expect(original.status).toBe(200)
    expect(original.headers.get('content-type')).toMatch(/^image\/jpeg/)
    const sizes = Object.values(hero.sizes as Record<string, { url?: string | null }>).filter(
      (size) => size.url,
    )
    expect(sizes.length).toBeGreaterThan(1)
    for (const size of sizes) {
      const served = await fetch(new URL(size.url!, server.url))
      expect(served.status).toBe(200)
      expect(served.headers.get('content-type')).toMatch(/^image\//)
    }
  })
})
