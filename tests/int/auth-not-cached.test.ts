import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { login, registerFirstAdmin, request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * The anonymous response cache must never hold an answer about who is logged in:
 * `/api/users/me` (and the other auth routes) answer per session. A shared cache (a CDN,
 * or ours) that kept the anonymous `{ user: null }` would log editors out, and one that
 * kept a logged-in answer would show one editor to another.
 */

let server: TestServer

beforeAll(async () => {
  server = await startServer({ SEED_ON_START: 'false' })
  await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
})

describe('auth answers are never cached', () => {
  it.each(['/api/users/me', '/api/users/init', '/api/users/me?depth=0'])(
    '%s is private and never from the cache',
    async (path) => {
      for (let i = 0; i < 3; i++) {
        const res = await request(server.url, path)
        expect(res.status).toBe(200)
        expect(res.headers.get('x-cache')).toBeNull()
        expect(res.headers.get('cache-control') ?? '').toMatch(/no-store/)
      }
    },
  )

  it('answers a logged-in editor with the editor, right after an anonymous answer', async () => {
    const anonymous = await request(server.url, '/api/users/me')
    expect(anonymous.body.user).toBeNull()
    const token = await login(server.url, 'beheerder@example.test', 'Test-wachtwoord-1')
    const me = await request(server.url, '/api/users/me', { token })
    expect(me.body.user?.email).toBe('beheerder@example.test')
    expect(me.headers.get('cache-control') ?? '').toMatch(/no-store/)
  })
})
