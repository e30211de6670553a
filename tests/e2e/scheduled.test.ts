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
 * Issue 9, item 5: pending schedules are shown. A scheduled publish and unpublish of a
 * project read "Publiceren op 01-03-2027 10:00; Depubliceren op 01-09-2027 18:30" (Amsterdam
 * time, winter and summer) in the list column "Gepland" and in the edit view, for editors
 * only; a cancelled schedule disappears; the public never sees the field.
 */
const EDITOR = { email: 'redacteur.planning@example.test', password: 'Test-wachtwoord-7' }
// 1 March 2027 10:00 CET and 1 September 2027 18:30 CEST.
const PUBLISH_AT = '2027-03-01T09:00:00.000Z'
const UNPUBLISH_AT = '2027-09-01T16:30:00.000Z'
const EXPECTED = 'Publiceren op 01-03-2027 10:00; Depubliceren op 01-09-2027 18:30'

let server: TestServer
let editorToken: string
let browser: EditorBrowser
let page: Page
let projectId: number
let unpublishJob: number | string

beforeAll(async () => {
  server = await startServer()
  const adminToken = await registerFirstAdmin(server.url)
  editorToken = await createEditor(server.url, adminToken, {
    ...EDITOR,
    name: 'Redacteur Planning',
  })
  const project = await request(server.url, '/api/projects?draft=true', {
    method: 'POST',
    token: editorToken,
    json: { title: 'Gepland project', slug: 'gepland-project', _status: 'draft' },
  })
  expect(project.status).toBe(201)
  projectId = project.body.doc.id
  for (const [type, at] of [
    ['publish', PUBLISH_AT],
    ['unpublish', UNPUBLISH_AT],
  ] as const) {
    const scheduled = await request(server.url, `/api/projects/${projectId}/schedule`, {
      method: 'POST',
      token: editorToken,
      json: { type, at },
    })
    expect(scheduled.status).toBe(201)
    if (type === 'unpublish') unpublishJob = scheduled.body.job.id
  }
  browser = await launchEditorBrowser()
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('pending schedules are shown to editors', () => {
  it('over REST: for editors in Dutch or English, never for the public', async () => {
    const mine = await request(server.url, `/api/projects/${projectId}?draft=true&depth=0`, {
      token: editorToken,
    })
    expect(mine.body.scheduled).toBe(EXPECTED)
    const english = await request(server.url, `/api/projects/${projectId}?draft=true&depth=0`, {
      token: editorToken,
      headers: { 'Accept-Language': 'en' },
    })
    expect(english.body.scheduled).toBe(
      'Publish on 01-03-2027 10:00; Unpublish on 01-09-2027 18:30',
    )
    const list = await request(
      server.url,
      `/api/projects?draft=true&depth=0&where[id][equals]=${projectId}`,
      {
        token: editorToken,
      },
    )
    expect(list.body.docs[0].scheduled).toBe(EXPECTED)
    // The public: the project is a draft (404), and a published list never carries the field.
    expect((await request(server.url, `/api/projects/${projectId}`)).status).toBe(404)
    const publicList = await request(server.url, '/api/projects?limit=5&depth=0')
    for (const doc of publicList.body.docs) expect(doc).not.toHaveProperty('scheduled')
    const gql = await request(server.url, '/api/graphql', {
      method: 'POST',
      json: { query: '{ Projects(limit: 5) { docs { title scheduled } } }' },
    })
    expect(gql.status).toBeLessThan(500)
    for (const doc of gql.body.data?.Projects?.docs ?? []) expect(doc.scheduled).toBeNull()
    // Not a field to query on: a clear 400, not a 500.
    const queried = await request(server.url, '/api/projects?where[scheduled][equals]=x', {
      token: editorToken,
    })
    expect(queried.status).toBeGreaterThanOrEqual(400)
    expect(queried.status).toBeLessThan(500)
  })

  it('in the admin: the list column "Gepland" and the edit view', async () => {
    await loginInBrowser(page, server.url, EDITOR)
    await step(page, 'scheduled-list', async () => {
      await page.goto(`${server.url}/admin/collections/projects`)
      await page.waitForSelector('table')
      expect(await page.locator('thead').innerText()).toContain('Gepland')
      await page.waitForSelector(`td:has-text("${EXPECTED}")`)
    })
    await step(page, 'scheduled-edit', async () => {
      await page.goto(`${server.url}/admin/collections/projects/${projectId}`)
      await page.waitForSelector('#field-scheduled')
      expect(await page.inputValue('#field-scheduled')).toBe(EXPECTED)
    })
    await screenshot(page, 'project-scheduled')

    // Cancelled: gone from the field.
    const cancelled = await request(
      server.url,
      `/api/projects/${projectId}/schedule/${unpublishJob}`,
      {
        method: 'DELETE',
        token: editorToken,
      },
    )
    expect(cancelled.status).toBeLessThan(300)
    await page.reload()
    await page.waitForSelector('#field-scheduled')
    expect(await page.inputValue('#field-scheduled')).toBe('Publiceren op 01-03-2027 10:00')
  })
  it('schedules through the dialog: it proposes publishing for a new draft, and the schedule shows', async () => {
    const draft = await request(server.url, '/api/projects?draft=true', {
      method: 'POST',
      token: editorToken,
      json: { title: 'Via het venster', slug: 'via-het-venster', _status: 'draft' },
    })
    expect(draft.status).toBe(201)
    const id = draft.body.doc.id
    await page.goto(`${server.url}/admin/collections/projects/${id}`)
    await page.waitForSelector('#field-title')
    await step(page, 'schedule-dialog', async () => {
      await page.locator('.doc-controls .popup-button').first().click()
      await page.click('#schedule-publish')
      await page.waitForSelector('.schedule-publish__type')
      // Payload proposed "Publicatie ongedaan maken" for a never-published draft.
      expect(await page.locator('input[id$="-type-publish"]').isChecked()).toBe(true)
      expect(await page.locator('input[id$="-type-unpublish"]').isChecked()).toBe(false)
      await page
        .locator('.schedule-publish__upcoming')
        .getByText('Er staat niets gepland.')
        .waitFor()
      // Picked in the calendar: 1 April 2027, 09:30 from the 24-hour time list. (Typing is
      // parsed by Payload's own picker format, see the issue note.)
      await page.locator('.schedule-publish__scheduler .date-time-picker input').first().click()
      for (let i = 0; i < 24; i++) {
        const month = await page.locator('.react-datepicker__current-month').first().innerText()
        if (/april 2027/i.test(month)) break
        await page.click('.react-datepicker__navigation--next')
      }
      await page.click('.react-datepicker__day--001:not(.react-datepicker__day--outside-month)')
      await page.locator('.react-datepicker__time-list-item', { hasText: /^09:30$/ }).click()
      await page.click('#scheduled-publish-save')
      await page
        .locator('.schedule-publish__upcoming')
        .getByText('01-04-2027 09:30')
        .first()
        .waitFor()
    })
    await screenshot(page, 'schedule-dialog')
    const stored = await request(server.url, `/api/projects/${id}?draft=true&depth=0`, {
      token: editorToken,
    })
    expect(stored.body.scheduled).toBe('Publiceren op 01-04-2027 09:30')
    await page.reload()
    await page.waitForSelector('#field-scheduled')
    expect(await page.inputValue('#field-scheduled')).toBe('Publiceren op 01-04-2027 09:30')
  })
})
