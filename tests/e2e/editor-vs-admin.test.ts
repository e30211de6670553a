import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { createEditor, registerFirstAdmin } from '../helpers/api'
import {
  type EditorBrowser,
  launchEditorBrowser,
  loginInBrowser,
  screenshot,
  step,
} from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 8 (part): what an editor and an administrator each see and may do in the
 * admin. The administrator manages users and reads the audit log; the editor sees neither
 * in the navigation, gets no user form, and sees only their own account in the users list.
 */
const ADMIN = { email: 'beheerder@example.test', password: 'Test-wachtwoord-1' }
const EDITOR = { email: 'redacteur.rechten@example.test', password: 'Test-wachtwoord-4' }

let server: TestServer
let browser: EditorBrowser
let page: Page

const navText = async (p: Page) => p.locator('nav').first().innerText()

beforeAll(async () => {
  server = await startServer()
  const adminToken = await registerFirstAdmin(server.url)
  await createEditor(server.url, adminToken, { ...EDITOR, name: 'Redacteur Rechten' })
  browser = await launchEditorBrowser()
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('editor against administrator in the admin', () => {
  it('the administrator sees users and the audit log', async () => {
    await loginInBrowser(page, server.url, ADMIN)
    await step(page, 'admin-nav', async () => {
      const nav = await navText(page)
      expect(nav).toContain('Gebruikers')
      expect(nav).toContain('Logboek')
      await page.goto(`${server.url}/admin/collections/users/create`)
      await page.waitForSelector('#field-email')
      await page.waitForSelector('#field-roles')
    })
    await page.context().clearCookies()
  })

  it('the editor sees content, not the audit log, only their own account, and no user form', async () => {
    await loginInBrowser(page, server.url, EDITOR)
    await step(page, 'editor-nav', async () => {
      const nav = await navText(page)
      expect(nav).toContain("Pagina's")
      expect(nav).toContain('Projecten')
      expect(nav).not.toContain('Logboek')
    })
    await step(page, 'editor-users-list', async () => {
      await page.goto(`${server.url}/admin/collections/users`)
      await page.waitForSelector('table')
      const rows = await page.locator('tbody tr').allInnerTexts()
      expect(rows).toHaveLength(1)
      expect(rows[0]).toContain(EDITOR.email)
    })
    await step(page, 'editor-user-create', async () => {
      await page.goto(`${server.url}/admin/collections/users/create`)
      await page.waitForLoadState('networkidle')
      expect(await page.locator('#field-roles').count()).toBe(0)
      expect(await page.locator('#field-email').count()).toBe(0)
      // A Dutch refusal that says why and who can help.
      expect(await page.locator('body').innerText()).toContain('vraag het een beheerder')
    })
    await screenshot(page, 'editor-user-create')
    await step(page, 'editor-audit-log', async () => {
      await page.goto(`${server.url}/admin/collections/auditLog`)
      await page.waitForLoadState('networkidle')
      expect(await page.locator('table').count()).toBe(0)
    })
  })
})
