import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { createEditor, registerFirstAdmin, request } from '../helpers/api'
import {
  type EditorBrowser,
  launchEditorBrowser,
  loginInBrowser,
  screenshot,
  step,
} from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 2: a Dutch editor types dates as dd-MM-jjjj. Typing 01-03-2026 in a
 * project's "Startdatum" stores 1 March 2026 (not 3 January), the field shows it back
 * the same way, and a winter and a summer date (either side of the DST change) keep
 * their day.
 */

const EDITOR = { email: 'redacteur.datums@example.test', password: 'Test-wachtwoord-8' }

let server: TestServer
let editorToken: string
let browser: EditorBrowser
let page: Page
let projectId: number

/** The calendar day a stored ISO date stands for in Amsterdam. */
const amsterdamDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso))

const dateInput = (p: Page, name: string) =>
  p.locator(`#field-${name} input, input#field-${name}`).first()

beforeAll(async () => {
  server = await startServer()
  const adminToken = await registerFirstAdmin(server.url)
  editorToken = await createEditor(server.url, adminToken, { ...EDITOR, name: 'Redacteur Datums' })
  const project = await request(server.url, '/api/projects?draft=true', {
    method: 'POST',
    token: editorToken,
    json: { title: 'Project met datums', slug: 'project-met-datums', _status: 'draft' },
  })
  expect(project.status).toBe(201)
  projectId = project.body.doc.id
  browser = await launchEditorBrowser()
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('dates in the admin are Dutch', () => {
  it('stores 01-03-2026 typed in Startdatum as 1 March 2026 and shows it back as 01-03-2026', async () => {
    await loginInBrowser(page, server.url, EDITOR)
    await page.goto(`${server.url}/admin/collections/projects/${projectId}`)
    await page.waitForSelector('#field-title')
    await page.click('.tabs-field__tab-button:has-text("Kenmerken")')
    await step(page, 'date-type', async () => {
      const start = dateInput(page, 'startDate')
      await start.click()
      await start.fill('01-03-2026')
      await start.press('Enter')
      const end = dateInput(page, 'endDate')
      await end.click()
      await end.fill('31-10-2026')
      await end.press('Enter')
      await page.click('#field-title')
    })
    // Autosave stores the draft; wait until both dates arrived.
    let stored = await request(server.url, `/api/projects/${projectId}?draft=true&depth=0`, {
      token: editorToken,
    })
    for (let i = 0; i < 100 && !(stored.body?.startDate && stored.body?.endDate); i++) {
      await page.waitForTimeout(200)
      stored = await request(server.url, `/api/projects/${projectId}?draft=true&depth=0`, {
        token: editorToken,
      })
    }
    expect(stored.status).toBe(200)
    expect(amsterdamDay(stored.body.startDate)).toBe('2026-03-01')
    expect(String(stored.body.startDate).slice(0, 10)).toBe('2026-03-01')
    // After the switch to winter time (25 October 2026): still the 31st.
    expect(amsterdamDay(stored.body.endDate)).toBe('2026-10-31')
    expect(String(stored.body.endDate).slice(0, 10)).toBe('2026-10-31')

    // Reload: shown the Dutch way.
    await page.reload()
    await page.waitForSelector('#field-title')
    await page.click('.tabs-field__tab-button:has-text("Kenmerken")')
    expect(await dateInput(page, 'startDate').inputValue()).toBe('01-03-2026')
    expect(await dateInput(page, 'endDate').inputValue()).toBe('31-10-2026')
    await screenshot(page, 'project-dates')
  })
})
