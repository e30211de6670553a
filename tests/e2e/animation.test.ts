import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { createEditor, registerFirstAdmin, request } from '../helpers/api'
import {
  type EditorBrowser,
  launchEditorBrowser,
  loginInBrowser,
  screenshot,
  step,
  toasts,
} from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 8 (part): an animation in the admin. A YouTube link without captions
 * and transcript is refused with a Dutch message naming both fields; with a WebVTT track
 * pasted and a transcript typed it publishes, and the public gets the embed and the
 * captions file.
 */
const EDITOR = { email: 'redacteur.animatie@example.test', password: 'Test-wachtwoord-2' }
const TITLE = 'Animatie: wat is Koers en kansen?'
const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nWelkom bij Koers en kansen.\n'

let server: TestServer
let editorToken: string
let browser: EditorBrowser
let page: Page

beforeAll(async () => {
  server = await startServer()
  const adminToken = await registerFirstAdmin(server.url)
  editorToken = await createEditor(server.url, adminToken, {
    ...EDITOR,
    name: 'Redacteur Animatie',
  })
  browser = await launchEditorBrowser()
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('an animation in the admin', () => {
  it('is refused without captions and transcript, and publishes with them', async () => {
    await loginInBrowser(page, server.url, EDITOR)
    await page.goto(`${server.url}/admin/collections/animations/create`)
    await page.waitForSelector('#field-title')
    await page.fill('#field-title', TITLE)
    await page.fill('#field-externalUrl', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ')
    const id = await step(page, 'animation-autosave', async () => {
      await page.waitForURL(/\/admin\/collections\/animations\/\d+/)
      return Number(/animations\/(\d+)/.exec(page.url())![1])
    })

    await step(page, 'animation-refused', async () => {
      await page.click('#action-save')
      await page.waitForSelector('[data-sonner-toast][data-type="error"]')
    })
    const refusal = await toasts(page)
    expect(refusal).toMatch(/Ondertiteling/)
    expect(refusal).toMatch(/Transcript/i)
    expect(refusal).not.toMatch(/following|captions|transcript:/)
    await screenshot(page, 'animation-refused')
    expect((await request(server.url, `/api/animations/${id}`)).status).toBe(404)

    await step(page, 'animation-fix', async () => {
      await page.click(
        '#field-captions .array-field__add-row, #field-captions button:has-text("Ondertitelbestand")',
      )
      await page.waitForSelector('#field-captions__0__vtt')
      await page.fill('#field-captions__0__vtt', VTT)
      const transcript = page
        .locator(
          '#field-transcript [contenteditable="true"], .field-type.rich-text-lexical:has-text("Transcript") [contenteditable="true"]',
        )
        .first()
      await transcript.click()
      await page.keyboard.type('Welkom bij Koers en kansen. Samen werken we aan minder recidive.')
      await page.click('#action-save')
      await page.waitForSelector('[data-sonner-toast][data-type="success"]')
    })

    const published = await request(server.url, `/api/animations/${id}?depth=0`)
    expect(published.status).toBe(200)
    expect(published.body.title).toBe(TITLE)
    expect(published.body.embedUrl).toMatch(
      /^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/,
    )
    const track = await fetch(`${server.url}/captions/${published.body.slug}/nl.vtt`)
    expect(track.status).toBe(200)
    expect(track.headers.get('content-type')).toMatch(/^text\/vtt/)
    expect(await track.text()).toContain('Welkom bij Koers en kansen.')
  })
})
