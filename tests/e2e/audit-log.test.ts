import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { registerFirstAdmin, request } from '../helpers/api'
import {
  type EditorBrowser,
  launchEditorBrowser,
  loginInBrowser,
  screenshot,
  step,
} from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 5: the audit log as an administrator reads it in the admin — the
 * collection by its Dutch name ("Pagina's", not "pages"), the title as it was at that
 * moment, linking to the document itself; a deleted document's entry has no link.
 */
const ADMIN = { email: 'beheerder@example.test', password: 'Test-wachtwoord-1' }

let server: TestServer
let browser: EditorBrowser
let page: Page
let kept: number

beforeAll(async () => {
  server = await startServer()
  const token = await registerFirstAdmin(server.url)
  const created = await request(server.url, '/api/pages', {
    method: 'POST',
    token,
    json: { title: 'Pagina in het logboek', slug: 'pagina-in-het-logboek', _status: 'published' },
  })
  expect(created.status).toBe(201)
  kept = created.body.doc.id
  const gone = await request(server.url, '/api/pages', {
    method: 'POST',
    token,
    json: { title: 'Verwijderde pagina', slug: 'verwijderde-pagina', _status: 'published' },
  })
  expect(gone.status).toBe(201)
  expect(
    (await request(server.url, `/api/pages/${gone.body.doc.id}`, { method: 'DELETE', token }))
      .status,
  ).toBe(200)
  browser = await launchEditorBrowser()
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the audit log in the admin', () => {
  it('names the collection in Dutch and links the title to the document', async () => {
    await loginInBrowser(page, server.url, ADMIN)
    await step(page, 'audit-log-list', async () => {
      await page.goto(`${server.url}/admin/collections/auditLog?limit=50`)
      await page.waitForSelector('table')
      const row = page.locator('tbody tr', { hasText: 'Pagina in het logboek' }).first()
      expect(await row.innerText()).toContain("Pagina's")
      expect(await row.innerText()).not.toMatch(/\bpages\b/)
      const link = row.locator('a.audit-document-link')
      expect(await link.getAttribute('href')).toBe(`/admin/collections/pages/${kept}`)
      // The deleted page: its title, no link.
      const deleted = page
        .locator('tbody tr', { hasText: 'Verwijderd' })
        .filter({ hasText: 'Verwijderde pagina' })
        .first()
      expect(await deleted.locator('a.audit-document-link').count()).toBe(0)
    })
    await screenshot(page, 'audit-log-list')
    await step(page, 'audit-log-follow-link', async () => {
      await page
        .locator('tbody tr', { hasText: 'Pagina in het logboek' })
        .first()
        .locator('a.audit-document-link')
        .click()
      await page.waitForURL(new RegExp(`/admin/collections/pages/${kept}$`))
      await page.waitForSelector('#field-title')
      expect(await page.inputValue('#field-title')).toBe('Pagina in het logboek')
    })
  })
})
