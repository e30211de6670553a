import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { createEditor, eventually, registerFirstAdmin, request } from '../helpers/api'
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
 * captions file. An uploaded video file (WebM) survives a refused publish unchanged and is
 * then served to the public byte for byte, also in ranges (how browsers play video).
 */
const EDITOR = { email: 'redacteur.animatie@example.test', password: 'Test-wachtwoord-2' }
const TITLE = 'Animatie: wat is Koers en kansen?'
const VIDEO = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../src/seed/files/voorbeeldbestand-animatie.webm'),
)
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

/** Pastes a Dutch WebVTT track, types a transcript and presses "Publiceer". */
const addCaptionsAndTranscriptAndPublish = async (page: Page) => {
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
}

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

    await step(page, 'animation-fix', () => addCaptionsAndTranscriptAndPublish(page))

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

  it('keeps an uploaded video file through a refused publish, then serves it to the public', async () => {
    await page.goto(`${server.url}/admin/collections/animations/create`)
    await page.waitForSelector('input[type="file"]', { state: 'attached' })
    // Files come from the editor's computer: no "URL plakken" (it fetched other hosts).
    expect(await page.getByText('URL plakken').count()).toBe(0)
    await page.setInputFiles('input[type="file"]', {
      name: 'uitleg-koers-en-kansen.webm',
      mimeType: 'video/webm',
      buffer: VIDEO,
    })
    await page.fill('#field-title', 'Animatie met eigen video')
    const id = await step(page, 'video-autosave', async () => {
      await page.waitForURL(/\/admin\/collections\/animations\/\d+/)
      const created = Number(/animations\/(\d+)/.exec(page.url())![1])
      await eventually(
        () =>
          request(server.url, `/api/animations/${created}?draft=true&depth=0`, {
            token: editorToken,
          }),
        (draft) => Boolean(draft.body?.filename),
        'the draft holds the video',
      )
      return created
    })
    const draft = await request(server.url, `/api/animations/${id}?draft=true&depth=0`, {
      token: editorToken,
    })
    expect(draft.body.filename).toBe('uitleg-koers-en-kansen.webm')
    const fileUrl = new URL(draft.body.url, server.url).toString()
    const asEditor = () => fetch(fileUrl, { headers: { Authorization: `JWT ${editorToken}` } })

    await step(page, 'video-refused', async () => {
      await page.click('#action-save')
      await page.waitForSelector('[data-sonner-toast][data-type="error"]')
    })
    expect(await toasts(page)).toMatch(/Ondertiteling/)
    // Refused: the file is still there, unchanged, for the editor; the public gets nothing.
    const kept = await asEditor()
    expect(kept.status).toBe(200)
    expect(Buffer.from(await kept.arrayBuffer()).equals(VIDEO)).toBe(true)
    expect((await fetch(fileUrl)).status).toBe(404)

    await step(page, 'video-fix', () => addCaptionsAndTranscriptAndPublish(page))
    await screenshot(page, 'animation-video-published')

    const published = await request(server.url, `/api/animations/${id}?depth=0`)
    expect(published.status).toBe(200)
    expect(published.body.embedUrl).toBeNull()
    expect(published.body.video).toMatchObject({
      filename: 'uitleg-koers-en-kansen.webm',
      mimeType: 'video/webm',
      filesize: VIDEO.length,
    })
    const video = await fetch(new URL(published.body.video.url, server.url))
    expect(video.status).toBe(200)
    expect(video.headers.get('content-type')).toMatch(/^video\/webm/)
    expect(Buffer.from(await video.arrayBuffer()).equals(VIDEO)).toBe(true)
    const part = await fetch(new URL(published.body.video.url, server.url), {
      headers: { Range: 'bytes=0-99' },
    })
    expect(part.status).toBe(206)
    expect(Buffer.from(await part.arrayBuffer()).equals(VIDEO.subarray(0, 100))).toBe(true)
  })
})
