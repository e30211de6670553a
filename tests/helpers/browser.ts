import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { type BrowserContext, chromium, type Page } from 'playwright-core'

/**
 * A Dutch editor's browser: Debian's Chromium driven by playwright-core, locale nl-NL,
 * timezone Europe/Amsterdam (another one to play an editor abroad), without the background traffic Chromium makes on its own
 * (which would otherwise show up as third-party requests).
 */

export const CHROMIUM = '/usr/bin/chromium'

/** Screenshots of failures (git-ignored). */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots')

export type EditorBrowser = {
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}

export const launchEditorBrowser = async ({
  timezoneId = 'Europe/Amsterdam',
}: { timezoneId?: string } = {}): Promise<EditorBrowser> => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${CHROMIUM}: run scripts/install-browser.sh (apt-get install chromium).`,
    )
  }
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-chromium-'))
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'nl-NL',
    timezoneId,
    viewport: { width: 1400, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  context.setDefaultTimeout(20_000)
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => {})
      fs.rmSync(profileDir, { recursive: true, force: true })
    },
  }
}

export const loginInBrowser = async (
  page: Page,
  baseUrl: string,
  user: { email: string; password: string },
): Promise<void> => {
  await page.goto(`${baseUrl}/admin/login`)
  await page.fill('#field-email', user.email)
  await page.fill('#field-password', user.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/)
}

/** Saves a screenshot under test-results/screenshots (for failures, or on request). */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true }).catch(() => {})
  return file
}

/** Runs a step; on failure saves a screenshot named after it and rethrows. */
export const step = async <T>(page: Page, name: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run()
  } catch (error) {
    await screenshot(page, `failed-${name}`)
    throw error
  }
}

/** Text of the admin's toasts of one type currently on screen. */
export const toasts = (page: Page, type: 'error' | 'success' = 'error'): Promise<string> =>
  page
    .locator(`[data-sonner-toast][data-type="${type}"]`)
    .allInnerTexts()
    .then((texts) => texts.join('\n'))
