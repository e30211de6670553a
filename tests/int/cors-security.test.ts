/**
 * CORS, cookie CSRF protection, security headers and security.txt.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { request } from '../helpers/api'
import { type Accounts, createAccounts, createDoc, get, marker, PASSWORD } from '../helpers/accessFixtures'
import { startServer, type TestServer } from '../helpers/server'

const FRONTEND = 'https://frontend.example.test'
const FOREIGN = 'https://evil.example'

let server: TestServer
let accounts: Accounts
let cookie = ''
let pageId: number | string
const draftTitle = marker('CONCEPT-CORS')

beforeAll(async () => {
  server = await startServer({
    CORS_ORIGINS: `${FRONTEND}, https://andere.example.test/`,
    SECURITY_CONTACT: 'mailto:security@example.test',
    SECURITY_POLICY_URL: 'https://www.ncsc.nl/contact/kwetsbaarheid-melden',
  })
  accounts = await createAccounts(server.url)
  pageId = (await createDoc(server.url, accounts.editorToken, 'pages', { title: draftTitle, slug: marker('cors') }, true)).id
  const res = await request(server.url, '/api/users/login', { method: 'POST', json: { email: accounts.editorEmail, password: PASSWORD } })
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]
}, 180_000)

afterAll(async () => {
  await server?.stop()
})

const me = (headers: Record<string, string>) => request(server.url, '/api/users/me', { headers: { Cookie: cookie, ...headers } })

describe('cookie authentication and CSRF', () => {
  it('has a session cookie to test with', () => {
    expect(cookie).toMatch(/^payload-token=.+/)
  })

  it('accepts the cookie from an allowed frontend origin, with CORS headers', async () => {
    const res = await me({ Origin: FRONTEND })
    expect(res.body.user?.email).toBe(accounts.editorEmail)
    expect(res.headers.get('access-control-allow-origin')).toBe(FRONTEND)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    const second = await me({ Origin: 'https://andere.example.test' })
    expect(second.body.user?.email).toBe(accounts.editorEmail)
  })

  it("accepts the cookie from the CMS's own origin (the admin)", async () => {
    const res = await me({ Origin: server.url })
    expect(res.body.user?.email).toBe(accounts.editorEmail)
  })

  it('treats a cookie from a foreign origin as anonymous, without CORS headers', async () => {
    const res = await me({ Origin: FOREIGN })
    expect(res.status).toBe(200)
    expect(res.body.user).toBeNull()
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const draft = await request(server.url, `/api/pages/${pageId}?draft=true`, { headers: { Cookie: cookie, Origin: FOREIGN } })
    expect(draft.status).toBe(404)
    expect(draft.text).not.toContain(draftTitle)
  })

  it('refuses a cross-site cookie without Origin, accepts a same-origin one', async () => {
    expect((await me({ 'Sec-Fetch-Site': 'cross-site' })).body.user).toBeNull()
    expect((await me({})).body.user).toBeNull()
    expect((await me({ 'Sec-Fetch-Site': 'same-origin' })).body.user?.email).toBe(accounts.editorEmail)
  })

  it('answers a preflight only for allowed origins, allowing the preview header', async () => {
    const allowed = await request(server.url, '/api/pages', {
      method: 'OPTIONS',
      headers: { Origin: FRONTEND, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-preview-token' },
    })
    expect(allowed.status).toBeLessThan(300)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(FRONTEND)
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-preview-token')
    const foreign = await request(server.url, '/api/pages', { method: 'OPTIONS', headers: { Origin: FOREIGN, 'Access-Control-Request-Method': 'GET' } })
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('a JWT header still works from anywhere (it cannot be sent by a forged form)', async () => {
    const res = await request(server.url, '/api/users/me', { token: accounts.editorToken, headers: { Origin: FOREIGN } })
    expect(res.body.user?.email).toBe(accounts.editorEmail)
  })
})

describe('security headers', () => {
  const expectHeaders = (res: { headers: Headers }, what: string) => {
    expect({ what, nosniff: res.headers.get('x-content-type-options') }).toEqual({ what, nosniff: 'nosniff' })
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(res.headers.get('strict-transport-security')).toBeNull()
  }

  it('are on REST, GraphQL, admin, file and security.txt responses', async () => {
    const media = await get(server.url, '/api/media?limit=1')
    expectHeaders(media, 'REST')
    expectHeaders(await request(server.url, '/api/graphql', { method: 'POST', json: { query: '{ Pages { totalDocs } }' } }), 'GraphQL')
    expectHeaders(await request(server.url, '/admin/login'), 'admin')
    const file = await request(server.url, media.body.docs[0].url)
    expect(file.status).toBe(200)
    expectHeaders(file, 'file')
    expectHeaders(await request(server.url, '/.well-known/security.txt'), 'security.txt')
    expectHeaders(await request(server.url, '/api/does-not-exist'), '404')
  })

  it('add HSTS only behind HTTPS', async () => {
    const https = await request(server.url, '/api/pages', { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    const http = await request(server.url, '/api/pages', { headers: { 'X-Forwarded-Proto': 'http' } })
    expect(http.headers.get('strict-transport-security')).toBeNull()
  })
})

describe('security.txt', () => {
  it('is served from configuration', async () => {
    const res = await request(server.url, '/.well-known/security.txt')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    const fields = Object.fromEntries(
      res.text
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
    )
    expect(fields.Contact).toBe('mailto:security@example.test')
    expect(fields['Preferred-Languages']).toBe('nl, en')
    expect(fields.Policy).toBe('https://www.ncsc.nl/contact/kwetsbaarheid-melden')
    const expires = new Date(fields.Expires).getTime()
    expect(expires).toBeGreaterThan(Date.now() + 360 * 24 * 3600 * 1000)
    expect(expires).toBeLessThan(Date.now() + 366 * 24 * 3600 * 1000)
  })
})
