import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { login, registerFirstAdmin, request } from '../helpers/api'
import {
  type EditorBrowser,
  launchEditorBrowser,
  loginInBrowser,
  screenshot,
  step,
} from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 8 (part): an editor's flows around a published page, in Chromium —
 * the preview button (its link's token shows the draft, the public still gets the
 * published page), comparing and restoring a version (with its time shown in Amsterdam
 * time everywhere, the restore dialog included), and unpublishing.
 */
const EDITOR = { email: 'redacteur.versies@example.test', password: 'Test-wachtwoord-5' }

let server: TestServer
let editorToken: string
let browser: EditorBrowser
let page: Page
let pageId: number

/** "02-12-2026 12:24": how the admin shows a moment, in Amsterdam time. */
const amsterdam = (iso: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  )
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`
}

const publicTitle = async () => {
  const res = await request(server.url, `/api/pages/${pageId}?depth=0`)
  return res.status === 200 ? (res.body.title as string) : res.status
}

beforeAll(async () => {
  server = await startServer()
  const adminToken = await registerFirstAdmin(server.url)
  const created = await request(server.url, '/api/users', {
    method: 'POST',
    token: adminToken,
    json: { ...EDITOR, name: 'Redacteur Versies', roles: ['editor'] },
  })
  expect(created.status).toBe(201)
  editorToken = await login(server.url, EDITOR.email, EDITOR.password)
  const first = await request(server.url, '/api/pages', {
    method: 'POST',
    token: editorToken,
    json: { title: 'Versie een', slug: 'versies-pagina', _status: 'published' },
  })
  expect(first.status).toBe(201)
  pageId = first.body.doc.id
  for (const [title, status] of [
    ['Versie twee', 'published'],
    ['Concept drie', 'draft'],
  ] as const) {
    const res = await request(
      server.url,
      `/api/pages/${pageId}${status === 'draft' ? '?draft=true' : ''}`,
      {
        method: 'PATCH',
        token: editorToken,
        json: { title, _status: status },
      },
    )
    expect(res.status).toBe(200)
  }
  browser = await launchEditorBrowser()
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('preview, versions and unpublish in the admin', () => {
  it('the preview button carries a token that shows the draft; the public gets the published page', async () => {
    await loginInBrowser(page, server.url, EDITOR)
    await page.goto(`${server.url}/admin/collections/pages/${pageId}`)
    await page.waitForSelector('#field-title')
    expect(await page.inputValue('#field-title')).toBe('Concept drie')
    const href = await page.locator('#preview-button').getAttribute('href')
    expect(href).toBeTruthy()
    const link = new URL(href!)
    expect(link.searchParams.get('collection')).toBe('pages')
    expect(link.searchParams.get('id')).toBe(String(pageId))
    const token = link.searchParams.get('token')
    expect(token).toBeTruthy()
    const preview = await request(server.url, `/api/pages/${pageId}?draft=true&depth=0`, {
      headers: { 'X-Preview-Token': token! },
    })
    expect(preview.body.title).toBe('Concept drie')
    expect(await publicTitle()).toBe('Versie twee')
  })

  it('compares an old version and restores it, every time shown in Amsterdam time', async () => {
    const versions = await request(
      server.url,
      `/api/pages/versions?where[parent][equals]=${pageId}&sort=createdAt&depth=0`,
      { token: editorToken },
    )
    const oldest = versions.body.docs[0] as {
      id: number | string
      updatedAt: string
      version: { title: string }
    }
    expect(oldest.version.title).toBe('Versie een')
    const shown = amsterdam(oldest.updatedAt)

    await step(page, 'version-compare', async () => {
      await page.goto(`${server.url}/admin/collections/pages/${pageId}/versions`)
      await page.waitForSelector('table')
      await page.click(`a[href$="/versions/${oldest.id}"]`)
      await page.waitForSelector('.restore-version__restore-as-draft-button')
      const text = await page.locator('body').innerText()
      expect(text).toContain('Versie een')
      // Breadcrumb and version header: the version's moment, in Amsterdam time only.
      const moments = text.match(/\d\d-\d\d-\d{4} \d\d:\d\d/g) ?? []
      expect(moments.length).toBeGreaterThan(0)
      for (const moment of moments) expect(moment).toBe(shown)
    })
    await screenshot(page, 'version-compare')

    await step(page, 'version-restore', async () => {
      await page.click('.restore-version__restore-as-draft-button')
      const dialog = page
        .locator('dialog, [role=dialog]')
        .filter({ hasText: 'Bevestig te herstellen versie' })
      await dialog.waitFor()
      expect(await dialog.innerText()).toContain(shown)
      await page.click('#confirm-action')
      await page.waitForURL(new RegExp(`/admin/collections/pages/${pageId}$`))
      await page.waitForSelector('#field-title')
    })
    // Restored as published (the button's default): the public sees the old title again.
    let title = await publicTitle()
    for (let i = 0; i < 50 && title !== 'Versie een'; i++) {
      await page.waitForTimeout(100)
      title = await publicTitle()
    }
    expect(title).toBe('Versie een')
  })

  it('unpublishes: the public gets 404, the editor keeps the document', async () => {
    await page.goto(`${server.url}/admin/collections/pages/${pageId}`)
    await page.waitForSelector('#field-title')
    await step(page, 'unpublish', async () => {
      await page.locator('.doc-controls .popup-button').last().click()
      await page.click('text=Publicatie ongedaan maken')
      const dialog = page
        .locator('dialog, [role=dialog]')
        .filter({ hasText: 'Bevestig depubliceren' })
      await dialog.waitFor()
      await page.click('#confirm-action')
      await page.waitForSelector('[data-sonner-toast][data-type="success"]')
    })
    expect(await publicTitle()).toBe(404)
    const own = await request(server.url, `/api/pages/${pageId}?draft=true&depth=0`, {
      token: editorToken,
    })
    expect(own.status).toBe(200)
    expect(own.body._status).toBe('draft')
  })
})
