import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { registerFirstAdmin, request } from '../helpers/api'
import { type EditorBrowser, launchEditorBrowser, loginInBrowser, step } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 4: nothing leaves the building. Every request the admin makes on its
 * main screens — dashboard, each collection's list and edit view, each global, an
 * audit-log entry — goes to the CMS itself: no Gravatar (an e-mail hash sent to a third
 * party), no Monaco from a CDN, and the CMS has its own favicon.
 */

const ADMIN = { email: 'beheerder@example.test', password: 'Test-wachtwoord-1' }
const COLLECTIONS = [
  'pages',
  'projects',
  'documents',
  'animations',
  'media',
  'users',
  'auditLog',
  'downloadStats',
]
const GLOBALS = ['site', 'navigation', 'programme']

let server: TestServer
let adminToken: string
let browser: EditorBrowser
let page: Page
const foreign: string[] = []

/** Opens a screen and lets it settle (lazy chunks, avatars, editors) before moving on. */
const visit = async (p: Page, path: string) => {
  await step(p, `thirdparty-${path.replaceAll('/', '_')}`, async () => {
    await p.goto(`${server.url}${path}`)
    await p.waitForLoadState('networkidle').catch(() => {})
    await p.waitForTimeout(300)
  })
}

beforeAll(async () => {
  server = await startServer()
  adminToken = await registerFirstAdmin(server.url)
  browser = await launchEditorBrowser()
  page = browser.page
  const own = new URL(server.url).host
  browser.context.on('request', (req) => {
    const url = new URL(req.url())
    if (url.protocol === 'data:' || url.protocol === 'blob:') return
    if (url.host !== own) foreign.push(`${req.method()} ${req.url()} (from ${req.frame().url()})`)
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the admin talks to the CMS only', () => {
  it('serves its own favicon', async () => {
    const res = await fetch(`${server.url}/favicon.ico`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/image\//)
  })

  it('opens an audit-log entry with its changed fields without a CDN', async () => {
    // An update, so the entry has changed fields (a JSON value) to show.
    const changed = await request(server.url, '/api/globals/site', {
      method: 'POST',
      token: adminToken,
      json: { tagline: 'Gewijzigd door de test' },
    })
    expect(changed.status).toBeLessThan(300)
    const entries = await request(
      server.url,
      '/api/auditLog?where[action][equals]=update&limit=1&depth=0',
      {
        token: adminToken,
      },
    )
    const id = entries.body.docs[0].id
    await loginInBrowser(page, server.url, ADMIN)
    await visit(page, `/admin/collections/auditLog/${id}`)
    await page.mouse.wheel(0, 2000)
    await page.waitForTimeout(1000)
    expect(foreign.filter((line) => !line.includes('gravatar.com'))).toEqual([])
  })

  it('requests nothing from another host on the main screens', async () => {
    await visit(page, '/admin')
    await visit(page, '/admin/account')
    for (const collection of COLLECTIONS) {
      await visit(page, `/admin/collections/${collection}`)
      const list = await request(server.url, `/api/${collection}?limit=1&depth=0&draft=true`, {
        token: adminToken,
      })
      const id = list.body?.docs?.[0]?.id
      if (id !== undefined) await visit(page, `/admin/collections/${collection}/${id}`)
      if (collection !== 'auditLog' && collection !== 'downloadStats')
        await visit(page, `/admin/collections/${collection}/create`)
    }
    for (const global of GLOBALS) await visit(page, `/admin/globals/${global}`)
    expect(foreign).toEqual([])
  })
})
