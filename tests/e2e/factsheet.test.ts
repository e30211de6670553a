import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { createEditor, eventually, registerFirstAdmin, request } from '../helpers/api'
import {
  type EditorBrowser,
  launchEditorBrowser,
  loginInBrowser,
  screenshot,
  step,
} from '../helpers/browser'
import { makePdf } from '../helpers/files'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 8 (part): a factsheet from start to end in the admin, as an editor does
 * it — upload the PDF, title, type Factsheet, publish — after which the public downloads
 * exactly those bytes at /downloads/<slug>; replace the PDF (same file name) and
 * republish, the public keeping the published bytes until then; then unpublish, after
 * which neither the download nor the file URL serves it any more.
 */
const EDITOR = { email: 'redacteur.factsheet@example.test', password: 'Test-wachtwoord-3' }
const TITLE = 'Factsheet recidive in Noord-Brabant'

let server: TestServer
let editorToken: string
let browser: EditorBrowser
let page: Page

beforeAll(async () => {
  server = await startServer()
  const adminToken = await registerFirstAdmin(server.url)
  editorToken = await createEditor(server.url, adminToken, {
    ...EDITOR,
    name: 'Redacteur Factsheet',
  })
  browser = await launchEditorBrowser()
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a factsheet in the admin', () => {
  it('is uploaded, published, downloaded by the public byte for byte, replaced, republished and unpublished', async () => {
    const pdf = makePdf(['Factsheet', 'Minder recidive door samenwerking.'])
    await loginInBrowser(page, server.url, EDITOR)
    await page.goto(`${server.url}/admin/collections/documents/create`)
    await page.waitForSelector('input[type="file"]', { state: 'attached' })
    await page.setInputFiles('input[type="file"]', {
      name: 'factsheet.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    })
    await page.fill('#field-title', TITLE)
    await page.click('#field-type')
    await page.click('.rs__option:has-text("Factsheet")')
    const id = await step(page, 'factsheet-autosave', async () => {
      await page.waitForURL(/\/admin\/collections\/documents\/\d+/)
      const created = Number(/documents\/(\d+)/.exec(page.url())![1])
      await eventually(
        () =>
          request(server.url, `/api/documents/${created}?draft=true&depth=0`, {
            token: editorToken,
          }),
        (draft) => draft.body?.type === 'factsheet' && Boolean(draft.body?.filename),
        'the draft holds the PDF and the type',
      )
      return created
    })
    await step(page, 'factsheet-publish', async () => {
      await page.click('#action-save')
      await page.waitForSelector('[data-sonner-toast][data-type="success"]')
    })
    await screenshot(page, 'factsheet-published')

    const doc = await request(server.url, `/api/documents/${id}?depth=0`)
    expect(doc.status).toBe(200)
    expect(doc.body.fileTypeLabel).toBe('PDF')
    const download = await fetch(`${server.url}${doc.body.downloadUrl}`)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true)

    // Edit and republish with next year's PDF under the same name: while it is a draft, the
    // public keeps downloading the published bytes; after "Publiceer wijzigingen", the new ones.
    const next = makePdf(['Factsheet 2027', 'Nog minder recidive.'])
    await step(page, 'factsheet-replace', async () => {
      await page.click('.file-details__remove')
      await page.waitForSelector('input[type="file"]', { state: 'attached' })
      await page.setInputFiles('input[type="file"]', {
        name: 'factsheet.pdf',
        mimeType: 'application/pdf',
        buffer: next,
      })
      await eventually(
        () =>
          request(server.url, `/api/documents/${id}?draft=true&depth=0`, { token: editorToken }),
        (draft) => draft.body?.filesize === next.length,
        'the draft holds the new PDF',
      )
    })
    const duringDraft = await fetch(`${server.url}${doc.body.downloadUrl}`)
    expect(Buffer.from(await duringDraft.arrayBuffer()).equals(pdf)).toBe(true)
    await step(page, 'factsheet-republish', async () => {
      // The first publish's success toast may still show: wait for the public record.
      await page.click('#action-save')
      await eventually(
        () => request(server.url, `/api/documents/${id}?depth=0`),
        (current) => current.body?.filesize === next.length,
        'the public record has the new PDF',
      )
    })
    const republished = await request(server.url, `/api/documents/${id}?depth=0`)
    const afterRepublish = await fetch(`${server.url}${republished.body.downloadUrl}`)
    expect(afterRepublish.status).toBe(200)
    expect(Buffer.from(await afterRepublish.arrayBuffer()).equals(next)).toBe(true)
    const fileUrl = republished.body.url as string

    await step(page, 'factsheet-unpublish', async () => {
      await page.locator('.doc-controls .popup-button').last().click()
      await page.click('text=Publicatie ongedaan maken')
      await page
        .locator('dialog, [role=dialog]')
        .filter({ hasText: 'Bevestig depubliceren' })
        .waitFor()
      await page.click('#confirm-action')
      await page
        .locator('.status__value')
        .filter({ hasText: /^Concept$/ })
        .waitFor()
    })
    expect((await fetch(`${server.url}${republished.body.downloadUrl}`)).status).toBe(404)
    expect((await fetch(new URL(fileUrl, server.url))).status).toBe(404)
    expect((await request(server.url, `/api/documents/${id}?depth=0`)).status).toBe(404)
  })
})
