import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startServer, type TestServer } from '../helpers/server'

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  await server?.stop()
})

const adminHtml = async (headers: Record<string, string>) => {
  const res = await fetch(`${server.url}/admin/login`, { headers })
  return { status: res.status, html: await res.text() }
}

describe('admin language', () => {
  it('speaks Dutch to an English browser', async () => {
    const { status, html } = await adminHtml({ 'Accept-Language': 'en-US,en;q=0.9' })
    expect(status).toBe(200)
    expect(html).toMatch(/<html[^>]*lang="nl"/)
  })

  it('speaks English to an editor who chose English', async () => {
    const { html } = await adminHtml({ 'Accept-Language': 'nl', Cookie: 'payload-lng=en' })
    expect(html).toMatch(/<html[^>]*lang="en"/)
  })

  it('leaves the API to the client: English messages for Accept-Language en', async () => {
    const res = await fetch(`${server.url}/api/users`, { headers: { 'Accept-Language': 'en' } })
    const body = (await res.json()) as { errors: { message: string }[] }
    expect(res.status).toBe(403)
    expect(body.errors[0]!.message).toBe('You are not allowed to perform this action.')
  })
})
