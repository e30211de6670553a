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
 * only; a cancelled schedule disappears; the public never sees the field. Items 2 and 8:
 * in the dialog an editor types dates as 01-04-2027 09:30 (Amsterdam time, also from
 * abroad), schedules a publish and an unpublish, sees them pending and cancels one.
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
  it('schedules through the dialog by typing Dutch dates: publish and unpublish, see them pending, cancel one', async () => {
    const draft = await request(server.url, '/api/projects?draft=true', {
      method: 'POST',
      token: editorToken,
      json: { title: 'Via het venster', slug: 'via-het-venster', _status: 'draft' },
    })
    expect(draft.status).toBe(201)
    const id = draft.body.doc.id
    await page.goto(`${server.url}/admin/collections/projects/${id}`)
    await page.waitForSelector('#field-title')
    const dialog = page.locator('.koers-schedule')
    const typeDate = async (text: string) => {
      const input = dialog.locator('#koers-schedule-time input')
      await input.click()
      await input.fill(text)
      // Tab closes the calendar (Escape would close the whole dialog).
      await input.press('Tab')
    }

    await step(page, 'schedule-dialog-publish', async () => {
      // Payload's own entry (its date field reads typed dates as American) is not offered.
      await page.locator('.doc-controls .popup-button').first().click()
      await page.waitForSelector('#publish-locale')
      expect(await page.locator('#schedule-publish').isVisible()).toBe(false)
      await screenshot(page, 'publish-menu')
      await page.keyboard.press('Escape')

      await page.click('#koers-schedule-open')
      await dialog.getByText('Er staat niets gepland.').waitFor()
      // A never-published draft: publishing is proposed.
      expect(await dialog.locator('input[id$="-type-publish"]').isChecked()).toBe(true)
      expect(await dialog.locator('#koers-schedule-locale option:checked').innerText()).toBe(
        'Alle talen',
      )
      // Typed the Dutch way: 1 April, not 4 January.
      await typeDate('01-04-2027 09:30')
      expect(await dialog.locator('#koers-schedule-time input').inputValue()).toBe(
        '01-04-2027 09:30',
      )
      await page.click('#koers-schedule-save')
      await dialog.getByText('Publiceren op 01-04-2027 09:30 (Alle talen)').waitFor()
    })

    await step(page, 'schedule-dialog-unpublish', async () => {
      await dialog.locator('input[id$="-type-unpublish"]').check()
      // Summer time: 18:30 in Amsterdam is 16:30 UTC.
      await typeDate('01-09-2027 18:30')
      await page.click('#koers-schedule-save')
      await dialog.getByText('Depubliceren op 01-09-2027 18:30').waitFor()
    })
    await screenshot(page, 'schedule-dialog')

    const pending = await request(server.url, `/api/projects/${id}/schedule`, {
      token: editorToken,
    })
    expect(
      pending.body.docs.map((job: { type: string; at: string }) => [job.type, job.at]),
    ).toEqual([
      ['publish', '2027-04-01T07:30:00.000Z'],
      ['unpublish', '2027-09-01T16:30:00.000Z'],
    ])
    // The sidebar field followed without a reload, and without marking the form as edited.
    const both = 'Publiceren op 01-04-2027 09:30; Depubliceren op 01-09-2027 18:30'
    expect(await page.inputValue('#field-scheduled')).toBe(both)
    await page.reload()
    await page.waitForSelector('#field-scheduled')
    expect(await page.inputValue('#field-scheduled')).toBe(both)

    await step(page, 'schedule-dialog-cancel', async () => {
      await page.click('#koers-schedule-open')
      const unpublishRow = dialog
        .locator('.koers-schedule__pending-item')
        .filter({ hasText: 'Depubliceren op 01-09-2027 18:30' })
      await unpublishRow.getByRole('button', { name: 'Annuleer' }).click()
      await unpublishRow.waitFor({ state: 'detached' })
      await dialog.getByText('Publiceren op 01-04-2027 09:30').waitFor()
    })
    expect(
      (await request(server.url, `/api/projects/${id}?draft=true&depth=0`, { token: editorToken }))
        .body.scheduled,
    ).toBe('Publiceren op 01-04-2027 09:30')
    expect(await page.inputValue('#field-scheduled')).toBe('Publiceren op 01-04-2027 09:30')
  })

  it('an editor abroad types Amsterdam time, as the dialog says', async () => {
    const draft = await request(server.url, '/api/projects?draft=true', {
      method: 'POST',
      token: editorToken,
      json: { title: 'Vanuit New York', slug: 'vanuit-new-york', _status: 'draft' },
    })
    const id = draft.body.doc.id
    const abroad = await launchEditorBrowser({ timezoneId: 'America/New_York' })
    try {
      await loginInBrowser(abroad.page, server.url, EDITOR)
      await abroad.page.goto(`${server.url}/admin/collections/projects/${id}`)
      await step(abroad.page, 'schedule-dialog-abroad', async () => {
        await abroad.page.click('#koers-schedule-open')
        const input = abroad.page.locator('#koers-schedule-time input')
        await input.click()
        await input.fill('15-03-2027 10:00')
        await input.press('Tab')
        await abroad.page.click('#koers-schedule-save')
        await abroad.page.getByText('Publiceren op 15-03-2027 10:00 (Alle talen)').waitFor()
      })
    } finally {
      await abroad.close()
    }
    const pending = await request(server.url, `/api/projects/${id}/schedule`, {
      token: editorToken,
    })
    // 10:00 in Amsterdam (CET) is 09:00 UTC; New York's 10:00 would have been 14:00 UTC.
    expect(pending.body.docs.map((job: { at: string }) => job.at)).toEqual([
      '2027-03-15T09:00:00.000Z',
    ])
  })

  it.each([
    ['pages', { title: 'Geplande pagina', slug: 'geplande-pagina' }],
    ['documents', { title: 'Gepland document', slug: 'gepland-document', type: 'factsheet' }],
    ['animations', { title: 'Geplande animatie', slug: 'geplande-animatie' }],
  ])('the same dialog schedules a publish and an unpublish of %s', async (collection, data) => {
    const draft = await request(server.url, `/api/${collection}?draft=true`, {
      method: 'POST',
      token: editorToken,
      json: { ...data, _status: 'draft' },
    })
    expect(draft.status).toBe(201)
    const id = draft.body.doc.id
    await page.goto(`${server.url}/admin/collections/${collection}/${id}`)
    await page.waitForSelector('#field-title')
    await step(page, `schedule-dialog-${collection}`, async () => {
      await page.click('#koers-schedule-open')
      const dialog = page.locator('.koers-schedule')
      expect(await dialog.locator('input[id$="-type-publish"]').isChecked()).toBe(true)
      const input = dialog.locator('#koers-schedule-time input')
      await input.click()
      await input.fill('02-11-2027 08:05')
      await input.press('Tab')
      await page.click('#koers-schedule-save')
      await dialog.getByText('Publiceren op 02-11-2027 08:05').waitFor()
      await dialog.locator('input[id$="-type-unpublish"]').check()
      await input.click()
      await input.fill('03-11-2027 17:45')
      await input.press('Tab')
      await page.click('#koers-schedule-save')
      await dialog.getByText('Depubliceren op 03-11-2027 17:45').waitFor()
    })
    expect(await page.inputValue('#field-scheduled')).toBe(
      'Publiceren op 02-11-2027 08:05; Depubliceren op 03-11-2027 17:45',
    )
    const pending = await request(server.url, `/api/${collection}/${id}/schedule`, {
      token: editorToken,
    })
    // Amsterdam in November (CET) is UTC+1.
    expect(
      pending.body.docs.map((job: { type: string; at: string }) => [job.type, job.at]),
    ).toEqual([
      ['publish', '2027-11-02T07:05:00.000Z'],
      ['unpublish', '2027-11-03T16:45:00.000Z'],
    ])
  })
})
