import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { login, request } from '../helpers/api'
import { type EditorBrowser, launchEditorBrowser, screenshot, step } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 5: the first-user form asks only what it needs — e-mail, password, name —
 * with no role (the first account always becomes administrator) and no API-key fields
 * (Payload rendered those as a bare text box and an unlabelled checkbox). After that the
 * administrator's own account still offers the API key.
 */
const ADMIN = {
  email: 'eerste.beheerder@example.test',
  password: 'Test-wachtwoord-6',
  name: 'Eerste Beheerder',
}

let server: TestServer
let browser: EditorBrowser
let page: Page

beforeAll(async () => {
  server = await startServer()
  browser = await launchEditorBrowser()
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the first-user form', () => {
  it('has no role and no API-key fields, and makes an administrator', async () => {
    await page.goto(`${server.url}/admin/create-first-user`)
    await page.waitForSelector('#field-email')
    const form = page.locator('form').first()
    await step(page, 'first-user-form', async () => {
      const text = await form.innerText()
      expect(text).toContain('E-mail')
      expect(text).toContain('Naam')
      expect(text).not.toContain('API-sleutel')
      expect(text).not.toContain('Rollen')
      expect(await form.locator('input[type="checkbox"]').count()).toBe(0)
      expect(await form.locator('#field-apiKey, #field-enableAPIKey, #field-roles').count()).toBe(0)
    })
    await screenshot(page, 'first-user-form')

    await page.fill('#field-email', ADMIN.email)
    await page.fill('#field-password', ADMIN.password)
    await page.fill('#field-confirm-password', ADMIN.password)
    await page.fill('#field-name', ADMIN.name)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/)

    const token = await login(server.url, ADMIN.email, ADMIN.password)
    const me = await request(server.url, '/api/users/me', { token })
    expect(me.body.user.roles).toEqual(['admin'])

    // Logged in, the account still has its API-key section.
    await step(page, 'account-api-key', async () => {
      await page.goto(`${server.url}/admin/account`)
      await page.waitForSelector('#field-email')
      await page.waitForSelector('text=API-sleutel')
    })
  })
})
