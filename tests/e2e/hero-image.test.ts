import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { createEditor, eventually, registerFirstAdmin, request } from '../helpers/api'
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
 * Issue 9, item 8 (part): the hero image of a page and of a project, the way an editor
 * adds it. "Hoofdafbeelding" → "Nieuwe aanmaken", upload a photo without alt text;
 * publishing is refused with a Dutch message about the alt text; the editor opens the
 * image from the field, writes the alt text, publishes; the public then gets the document
 * with the image, its alt text and every size. Then edit and republish: the public keeps
 * the published title while the editor types, and gets the new one after "Publiceer
 * wijzigingen".
 */
const EDITOR = { email: 'redacteur.hero@example.test', password: 'Test-wachtwoord-8' }
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

describe('a hero image in the admin, then edit and republish', () => {
  beforeAll(async () => {
    await loginInBrowser(page, server.url, EDITOR)
  })

  it.each([
    ['pages', 'Werken aan minder recidive', 'park.jpg'],
    ['projects', 'Proeftuin herstelgericht werken', 'proeftuin.jpg'],
  ])(
    '%s: uploaded from the field, refused without alt text, fixed there, published, edited and republished',
    async (collection, title, file) => {
      const photo = await makePhoto('jpeg')
      await page.goto(`${server.url}/admin/collections/${collection}/create`)
      await page.waitForSelector('#field-title')
      await page.fill('#field-title', title)
      const id = await step(page, `${collection}-hero-autosave`, async () => {
        await page.waitForURL(new RegExp(`/admin/collections/${collection}/\\d+`))
        return Number(new RegExp(`${collection}/(\\d+)`).exec(page.url())![1])
      })
      const api = `/api/${collection}/${id}`

      await step(page, `${collection}-hero-upload`, async () => {
        await heroField(page).locator('.upload__createNewToggler').click()
        const drawer = page.locator('.doc-drawer').last()
        await drawer.locator('input[type="file"]').waitFor({ state: 'attached' })
        expect(await drawer.getByText('URL plakken').count()).toBe(0)
        await drawer.locator('input[type="file"]').setInputFiles({
          name: file,
          mimeType: 'image/jpeg',
          buffer: photo,
        })
        await drawer.locator('#action-save').click()
        await drawer.waitFor({ state: 'detached' })
        await heroField(page).getByText(file).waitFor()
      })

      await step(page, `${collection}-hero-refused`, async () => {
        // Wait for the autosave that stores the chosen image, then publish.
        await eventually(
          () => request(server.url, `${api}?draft=true&depth=0`, { token: editorToken }),
          (draft) => Boolean(draft.body?.heroImage),
          'the draft holds the hero image',
        )
        await page.click('#action-save')
        await page.waitForSelector('[data-sonner-toast][data-type="error"]')
      })
      // The toast names the field by its label, the field says what is missing.
      const refusal = await toasts(page)
      expect(refusal).toMatch(/Hoofdafbeelding/)
      expect(refusal).not.toMatch(/following|heroImage/)
      await screenshot(page, `${collection}-hero-refused`)
      const fieldError = await heroField(page).locator('.field-error').first().textContent()
      expect(fieldError).toMatch(/alternatieve tekst|alt-?tekst/i)
      expect((await request(server.url, api)).status).toBe(404)

      await step(page, `${collection}-hero-fix`, async () => {
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
        // The image's own save left a success toast; wait for the page to be public instead.
        await page.click('#action-save')
        await eventually(
          () => request(server.url, api),
          (res) => res.status === 200,
          'the public gets the published document',
        )
        await page.waitForSelector('.status__value:has-text("Gepubliceerd")')
      })
      await screenshot(page, `${collection}-hero-published`)

      const published = await request(server.url, `${api}?depth=1`)
      expect(published.status).toBe(200)
      expect(published.body.title).toBe(title)
      const hero = published.body.heroImage
      expect(hero.alt).toBe(ALT)
      expect(hero.filename).toBe(file)
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

      // Edit and republish: the public keeps the published title until "Publiceer wijzigingen".
      const newTitle = `${title} (bijgewerkt)`
      await step(page, `${collection}-edit`, async () => {
        await page.fill('#field-title', newTitle)
        await eventually(
          () => request(server.url, `${api}?draft=true&depth=0`, { token: editorToken }),
          (draft) => draft.body?.title === newTitle,
          'the draft holds the new title',
        )
      })
      expect((await request(server.url, `${api}?depth=0`)).body.title).toBe(title)
      await step(page, `${collection}-republish`, async () => {
        await page.click('#action-save')
        await eventually(
          () => request(server.url, `${api}?depth=0`),
          (res) => res.body?.title === newTitle,
          'the public gets the new title',
        )
      })
      const republished = await request(server.url, `${api}?depth=1`)
      expect(republished.body.title).toBe(newTitle)
      expect(republished.body.heroImage.alt).toBe(ALT)
    },
  )
})
