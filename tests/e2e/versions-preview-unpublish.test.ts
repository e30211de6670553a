import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { paragraph, richText } from '../../src/seed/lexical'
import { pdf, uploadDoc } from '../helpers/accessFixtures'
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
 * Issue 9, item 8 (part): an editor's flows around a published document of every content
 * collection, in Chromium — the preview button where there is one (its link's token
 * shows the draft, the public still gets the published version), comparing and
 * restoring a version (its time shown in Amsterdam time everywhere, the restore dialog
 * included), and unpublishing.
 */
const EDITOR = { email: 'redacteur.versies@example.test', password: 'Test-wachtwoord-5' }

type Collection = 'pages' | 'projects' | 'documents' | 'animations'
const COLLECTIONS: { slug: Collection; preview: boolean }[] = [
  { slug: 'pages', preview: true },
  { slug: 'projects', preview: true },
  { slug: 'documents', preview: false },
  { slug: 'animations', preview: false },
]

let server: TestServer
let editorToken: string
let browser: EditorBrowser
let page: Page

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

/** A published document of `slug` titled `title`, with what publishing it requires. */
const createPublished = async (slug: Collection, title: string): Promise<number> => {
  const name = `${slug}-versies`
  if (slug === 'documents')
    return (
      await uploadDoc(
        server.url,
        editorToken,
        slug,
        { title, slug: name, type: 'factsheet' },
        pdf('Versies', `${name}.pdf`),
        false,
      )
    ).id
  const extra =
    slug === 'animations'
      ? {
          externalUrl: 'https://vimeo.com/76979871',
          captions: [{ language: 'nl', vtt: 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHallo.\n' }],
          transcript: richText(paragraph('Hallo.')),
        }
      : {}
  const res = await request(server.url, `/api/${slug}`, {
    method: 'POST',
    token: editorToken,
    json: { title, slug: name, ...extra, _status: 'published' },
  })
  expect(res.status).toBe(201)
  return res.body.doc.id
}

beforeAll(async () => {
  server = await startServer()
  const adminToken = await registerFirstAdmin(server.url)
  editorToken = await createEditor(server.url, adminToken, { ...EDITOR, name: 'Redacteur Versies' })
  browser = await launchEditorBrowser()
  page = browser.page
  await loginInBrowser(page, server.url, EDITOR)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe.each(COLLECTIONS)(
  '$slug: preview, versions and unpublish in the admin',
  ({ slug, preview }) => {
    let id: number
    const publicTitle = async () => {
      const res = await request(server.url, `/api/${slug}/${id}?depth=0`)
      return res.status === 200 ? (res.body.title as string) : res.status
    }

    beforeAll(async () => {
      id = await createPublished(slug, 'Versie een')
      for (const [title, status] of [
        ['Versie twee', 'published'],
        ['Concept drie', 'draft'],
      ] as const) {
        const res = await request(
          server.url,
          `/api/${slug}/${id}${status === 'draft' ? '?draft=true' : ''}`,
          {
            method: 'PATCH',
            token: editorToken,
            json: { title, _status: status },
          },
        )
        expect(res.status).toBe(200)
      }
    })

    it(`opens the draft${preview ? '; the preview button carries a token that shows it' : ''}; the public gets the published version`, async () => {
      await page.goto(`${server.url}/admin/collections/${slug}/${id}`)
      await page.waitForSelector('#field-title')
      expect(await page.inputValue('#field-title')).toBe('Concept drie')
      if (preview) {
        const href = await page.locator('#preview-button').getAttribute('href')
        const link = new URL(href!)
        expect(link.searchParams.get('collection')).toBe(slug)
        expect(link.searchParams.get('id')).toBe(String(id))
        const token = link.searchParams.get('token')
        expect(token).toBeTruthy()
        const draft = await request(server.url, `/api/${slug}/${id}?draft=true&depth=0`, {
          headers: { 'X-Preview-Token': token! },
        })
        expect(draft.body.title).toBe('Concept drie')
      }
      expect(await publicTitle()).toBe('Versie twee')
    })

    it('compares the first version and restores it, every time shown in Amsterdam time', async () => {
      const versions = await request(
        server.url,
        `/api/${slug}/versions?where[parent][equals]=${id}&sort=createdAt&depth=0`,
        { token: editorToken },
      )
      const oldest = versions.body.docs[0] as {
        id: number | string
        updatedAt: string
        version: { title: string }
      }
      expect(oldest.version.title).toBe('Versie een')
      const shown = amsterdam(oldest.updatedAt)

      await step(page, `${slug}-version-compare`, async () => {
        await page.goto(`${server.url}/admin/collections/${slug}/${id}/versions`)
        await page.waitForSelector('table')
        await page.click(`a[href$="/versions/${oldest.id}"]`)
        await page.waitForSelector('.restore-version__restore-as-draft-button')
        const text = await page.locator('body').innerText()
        expect(text).toContain('Versie een')
        // Array rows in the diff: "Onderdeel 01", not Payload's "Artikel 01".
        if (slug === 'pages') expect(text).toMatch(/Onderdeel 01/)
        expect(text).not.toMatch(/Artikel \d/)
        // Breadcrumb and version header: the version's moment, in Amsterdam time only.
        const moments = text.match(/\d\d-\d\d-\d{4} \d\d:\d\d/g) ?? []
        expect(moments.length).toBeGreaterThan(0)
        for (const moment of moments) expect(moment).toBe(shown)
      })
      if (slug === 'pages') await screenshot(page, 'version-compare')

      await step(page, `${slug}-version-restore`, async () => {
        await page.click('.restore-version__restore-as-draft-button')
        const dialog = page
          .locator('dialog, [role=dialog]')
          .filter({ hasText: 'Bevestig te herstellen versie' })
        await dialog.waitFor()
        expect(await dialog.innerText()).toContain(shown)
        await page.click('#confirm-action')
        await page.waitForURL(new RegExp(`/admin/collections/${slug}/${id}$`))
        await page.waitForSelector('#field-title')
      })
      // Restored as published (the button's default): the public sees the first title again.
      let title = await publicTitle()
      for (let i = 0; i < 50 && title !== 'Versie een'; i++) {
        await page.waitForTimeout(100)
        title = await publicTitle()
      }
      expect(title).toBe('Versie een')
    })

    it('unpublishes: the public gets 404, the editor keeps the document', async () => {
      await page.goto(`${server.url}/admin/collections/${slug}/${id}`)
      await page.waitForSelector('#field-title')
      await step(page, `${slug}-unpublish`, async () => {
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
      const own = await request(server.url, `/api/${slug}/${id}?draft=true&depth=0`, {
        token: editorToken,
      })
      expect(own.status).toBe(200)
      expect(own.body._status).toBe('draft')
    })
  },
)
