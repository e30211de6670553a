import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { request } from '../helpers/api'
import { type Accounts, createAccounts, createDoc, marker, send } from '../helpers/accessFixtures'
import { type PrivateRedis, startPrivateRedis } from '../helpers/privateRedis'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Redis as the response cache's shared level: what one process computed, another
 * (fresh) process answers without recomputing; a change is still seen at once by
 * both; while Redis is down everything keeps working from memory and the database.
 * Redis is not database-specific: this runs on SQLite only. It uses a redis-server of
 * its own (the machine's shared one is never stopped).
 */
const describeOnce = process.env.TEST_DB === 'postgres' ? describe.skip : describe

let redis: PrivateRedis
let first: TestServer
let second: TestServer
let accounts: Accounts

describeOnce('the response cache shared through Redis', () => {
  beforeAll(async () => {
    redis = await startPrivateRedis()
    first = await startServer({ REDIS_URL: redis.url, PUBLIC_SITE_URL: '' })
    second = await startServer({
      REDIS_URL: redis.url,
      DATABASE_URI: first.databaseUri,
      SEED_ON_START: 'false',
      JOBS_AUTORUN: 'false',
      PUBLIC_SITE_URL: '',
    })
    accounts = await createAccounts(first.url)
  })

  afterAll(async () => {
    await second?.stop()
    await first?.stop()
    await redis?.stop()
  })

  const titles = async (base: string, path: string) => {
    const res = await request(base, path)
    expect(res.status).toBe(200)
    return (res.body.docs as { title: string }[]).map((doc) => doc.title)
  }

  it('a process answers from Redis what another one computed, with the same bytes and ETag', async () => {
    const path = `/api/pages?limit=50&sort=title&depth=1&n=${marker('gedeeld')}`
    const made = await request(first.url, path)
    expect(made.headers.get('x-cache')).toBe('MISS')
    const shared = await request(second.url, path)
    expect(shared.headers.get('x-cache')).toBe('HIT')
    expect(shared.text).toBe(made.text)
    expect(shared.headers.get('etag')).toBe(made.headers.get('etag'))
    // Its compressed forms came along: no compression work in the second process either.
    const br = await fetch(`${second.url}${path}`, { headers: { 'Accept-Encoding': 'br' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(await br.text()).toBe(made.text)

    const query = `{ Pages(limit: 5, sort: "title") { docs { title } } } # ${marker('q')}`
    const gqlMade = await request(first.url, '/api/graphql', { method: 'POST', json: { query } })
    const gqlShared = await request(second.url, '/api/graphql', { method: 'POST', json: { query } })
    expect(gqlMade.headers.get('x-cache')).toBe('MISS')
    expect(gqlShared.headers.get('x-cache')).toBe('HIT')
    expect(gqlShared.text).toBe(gqlMade.text)
  })

  it('a change is seen at once by both processes: Redis never serves the older answer', async () => {
    const path = `/api/pages?limit=100&sort=title&depth=0&n=${marker('wijziging')}`
    const page = await createDoc(
      first.url,
      accounts.editorToken,
      'pages',
      { title: marker('Voor'), slug: marker('r') },
      false,
    )
    await request(first.url, path)
    expect((await request(second.url, path)).headers.get('x-cache')).toBe('HIT')
    const after = marker('Na')
    await send(
      second.url,
      'PATCH',
      `/api/pages/${page.id}`,
      { title: after },
      { token: accounts.editorToken },
    )
    for (const base of [first.url, second.url]) {
      const now = await titles(base, path)
      expect(now).toContain(after)
      expect(now).not.toContain(page.title)
    }
  })

  it('Redis down: correct answers, no 5xx, ready; logged once; shared again when it is back', async () => {
    const cached = `/api/pages?limit=100&sort=title&depth=0&n=${marker('uitval')}`
    for (const base of [first.url, second.url]) await request(base, cached)
    await redis.stop()

    const page = await createDoc(
      first.url,
      accounts.editorToken,
      'pages',
      { title: marker('Tijdens-uitval'), slug: marker('u') },
      false,
    )
    for (let round = 0; round < 3; round += 1) {
      for (const base of [first.url, second.url]) {
        expect(await titles(base, cached)).toContain(page.title)
        const fresh = await request(base, `/api/pages?limit=3&depth=1&n=${marker('nieuw')}`)
        expect(fresh.status).toBe(200)
        const ready = await request(base, '/readyz')
        expect(ready.status).toBe(200)
      }
    }
    const renamed = marker('Hernoemd-tijdens-uitval')
    await send(
      second.url,
      'PATCH',
      `/api/pages/${page.id}`,
      { title: renamed },
      { token: accounts.editorToken },
    )
    for (const base of [first.url, second.url])
      expect(await titles(base, cached)).toContain(renamed)
    for (const server of [first, second]) {
      const outageLines = server
        .output()
        .split('\n')
        .filter((line) => /Redis .*unreachable/.test(line))
      expect(outageLines).toHaveLength(1)
    }

    await redis.start()
    // The client reconnects within about 2 s; then an answer made by one process serves the other.
    const deadline = Date.now() + 30_000
    let shared = false
    while (!shared && Date.now() < deadline) {
      const path = `/api/pages?limit=5&depth=0&n=${marker('terug')}`
      expect((await request(first.url, path)).status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 100))
      const res = await request(second.url, path)
      expect(res.status).toBe(200)
      shared = res.headers.get('x-cache') === 'HIT'
      if (!shared) await new Promise((resolve) => setTimeout(resolve, 400))
    }
    expect(shared).toBe(true)
    expect(await titles(second.url, cached)).toContain(renamed)
  })
})
