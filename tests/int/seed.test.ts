import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { request } from '../helpers/api'
import { runCli } from '../helpers/cli'
import { startServer, type TestServer } from '../helpers/server'

/** The seed is idempotent, talks while it works, and leaves the first account to a person. */
let server: TestServer

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  await server?.stop()
})

const COLLECTIONS = ['pages', 'projects', 'documents', 'animations', 'media'] as const
const GLOBALS = ['site', 'navigation', 'programme'] as const

/** Everything the seed could have touched, read over the API (all seeded content is public). */
const snapshot = async () => {
  const state: Record<string, unknown> = {}
  for (const collection of COLLECTIONS) {
    const res = await request(server.url, `/api/${collection}?limit=100&depth=0&sort=id`)
    expect(res.status).toBe(200)
    state[collection] = {
      totalDocs: res.body.totalDocs,
      docs: res.body.docs.map((doc: any) => ({ id: doc.id, slug: doc.slug ?? doc.filename, updatedAt: doc.updatedAt })),
    }
  }
  for (const global of GLOBALS) {
    const res = await request(server.url, `/api/globals/${global}?depth=0`)
    expect(res.status).toBe(200)
    state[global] = res.body
  }
  return state
}

describe('seed', () => {
  it('the server seeded itself on its first start', async () => {
    // The logger writes asynchronously: give the last lines a moment to arrive.
    for (let i = 0; i < 40 && !server.output().includes('seed: done'); i++) await new Promise((r) => setTimeout(r, 250))
    expect(server.output()).toMatch(/seed: pages\/wat-is-koers-en-kansen created/)
    expect(server.output()).toContain('seed: done')
    const pages = await request(server.url, '/api/pages?depth=0')
    expect(pages.body.totalDocs).toBe(2)
  })

  it('running it twice more changes nothing and prints progress', async () => {
    const before = await snapshot()
    for (let run = 0; run < 2; run++) {
      const { code, output } = await runCli(server, ['seed'])
      expect(code).toBe(0)
      expect(output).toContain('seed: start')
      expect(output).toContain('seed: pages/wat-is-koers-en-kansen exists, left as it is')
      expect(output).toContain('seed: documents/de-toekomst-van-de-sanctie-uitvoering exists, left as it is')
      expect(output).toContain('seed: global programme is filled, left as it is')
      expect(output).toContain('seed: done')
      expect(output).not.toMatch(/ created\b/)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('created no user: the first registration becomes admin', async () => {
    const init = await request(server.url, '/api/users/init')
    expect(init.status).toBe(200)
    expect(init.body.initialized).toBe(false)

    const res = await request(server.url, '/api/users/first-register', {
      method: 'POST',
      json: { email: 'eerste@example.test', password: 'Test-wachtwoord-1', name: 'Eerste beheerder' },
    })
    expect(res.status).toBe(200)
    expect(res.body.token).toEqual(expect.any(String))
    const me = await request(server.url, '/api/users/me', { token: res.body.token })
    expect(me.body.user.email).toBe('eerste@example.test')
    expect(me.body.user.roles).toContain('admin')

    const users = await request(server.url, '/api/users', { token: res.body.token })
    expect(users.body.totalDocs).toBe(1)
    // The flow is for the very first account only.
    const second = await request(server.url, '/api/users/first-register', {
      method: 'POST',
      json: { email: 'tweede@example.test', password: 'Test-wachtwoord-2', name: 'Tweede' },
    })
    expect(second.status).toBeGreaterThanOrEqual(400)
    expect(second.status).toBeLessThan(500)
  })
})
