import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { registerFirstAdmin, request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Limits per client (issue 10), with small limits so a few requests reach them. The
 * client address comes from X-Forwarded-For here because TRUSTED_PROXY_HOPS=1 says a
 * proxy stands in front; every test uses addresses of its own.
 */
let server: TestServer
const MINIMUM_MS = 800

beforeAll(async () => {
  server = await startServer({
    RATE_LIMITS: 'true',
    TRUSTED_PROXY_HOPS: '1',
    RATE_LIMIT_AUTH_PER_ACCOUNT: '3',
    RATE_LIMIT_AUTH_PER_ADDRESS: '6',
    RATE_LIMIT_WRITES_PER_MINUTE: '5',
    AUTH_MIN_RESPONSE_MS: String(MINIMUM_MS),
  })
  await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
})

const login = async (email: string, from: string) => {
  const begun = Date.now()
  const res = await request(server.url, '/api/users/login', {
    method: 'POST',
    json: { email, password: 'fout-wachtwoord' },
    headers: { 'X-Forwarded-For': from },
  })
  return { ...res, ms: Date.now() - begun }
}

describe('limits per client', () => {
  it('limits logins per account with 429 + Retry-After, the same for unknown and existing accounts', async () => {
    // The existing account's registration counted one attempt; the unknown account gets one too.
    const register = await request(server.url, '/api/users/first-register', {
      method: 'POST',
      json: { email: 'niemand@example.test', password: 'Test-wachtwoord-1', name: 'Niemand' },
      headers: { 'X-Forwarded-For': '10.2.9.9' },
    })
    expect(register.status).toBeLessThan(500)
    const existing = []
    const unknown = []
    for (let i = 0; i < 3; i++) existing.push(await login('beheerder@example.test', `10.1.0.${i}`))
    for (let i = 0; i < 3; i++) unknown.push(await login('niemand@example.test', `10.2.0.${i}`))
    for (const series of [existing, unknown]) {
      expect(series.slice(0, 2).map((r) => r.status)).toEqual([401, 401])
      expect(series[2]!.status).toBe(429)
      expect(series[2]!.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(series[2]!.body.errors[0].message).toMatch(/Te veel pogingen/)
    }
    // One answer for both (no "locked", no "unknown").
    expect(existing.map((r) => r.text)).toEqual(unknown.map((r) => r.text))
    // Each takes at least the minimum (a lower bound, not a speed limit).
    for (const r of [...existing, ...unknown]) expect(r.ms).toBeGreaterThanOrEqual(MINIMUM_MS - 5)
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    console.info(
      `rate-limits: failed login median ${median(existing.slice(0, 2).map((r) => r.ms))} ms existing, ${median(unknown.slice(0, 2).map((r) => r.ms))} ms unknown`,
    )
  })

  it('limits auth requests per address, over different accounts', async () => {
    const statuses = []
    for (let i = 0; i < 7; i++)
      statuses.push((await login(`iemand${i}@example.test`, '10.3.0.1')).status)
    expect(statuses.slice(0, 6).every((s) => s === 401)).toBe(true)
    expect(statuses[6]).toBe(429)
    // Another address is not affected.
    expect((await login('iemand-anders@example.test', '10.3.0.2')).status).toBe(401)
  })

  it('limits forgot-password the same way', async () => {
    const statuses = []
    for (let i = 0; i < 4; i++) {
      const res = await request(server.url, '/api/users/forgot-password', {
        method: 'POST',
        json: { email: 'vergeten@example.test' },
        headers: { 'X-Forwarded-For': `10.4.0.${i}` },
      })
      statuses.push(res.status)
    }
    expect(statuses[3]).toBe(429)
  })

  it('limits API writes per address', async () => {
    const statuses = []
    for (let i = 0; i < 6; i++) {
      const res = await request(server.url, '/api/pages', {
        method: 'POST',
        json: { title: 'x' },
        headers: { 'X-Forwarded-For': '10.5.0.1' },
      })
      statuses.push(res.status)
    }
    expect(statuses.slice(0, 5).every((s) => s === 403)).toBe(true)
    expect(statuses[5]).toBe(429)
    expect((await request(server.url, '/api/pages?limit=1')).status).toBe(200)
  })
})

describe('failed logins take the same time without padding', () => {
  let unpadded: TestServer

  beforeAll(async () => {
    // No minimum answer time: what is left is the work done for each kind of account.
    unpadded = await startServer({
      RATE_LIMITS: 'true',
      TRUSTED_PROXY_HOPS: '1',
      RATE_LIMIT_AUTH_PER_ACCOUNT: '1000',
      RATE_LIMIT_AUTH_PER_ADDRESS: '1000',
      AUTH_MIN_RESPONSE_MS: '0',
    })
    await registerFirstAdmin(unpadded.url)
  })

  afterAll(async () => {
    await unpadded?.stop()
  })

  it('an unknown or locked account costs what a wrong password for an existing one costs', async () => {
    const timed = async (email: string) => {
      const begun = performance.now()
      const res = await request(unpadded.url, '/api/users/login', {
        method: 'POST',
        json: { email, password: 'fout-wachtwoord' },
        headers: { 'X-Forwarded-For': '10.9.0.1' },
      })
      expect(res.status).toBe(401)
      return performance.now() - begun
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const existing: number[] = []
    const unknown: number[] = []
    // Alternating, so load on the machine falls on both alike. Payload locks the account
    // after its 5th wrong password: the later rounds are the locked case.
    for (let round = 0; round < 5; round++) {
      existing.push(await timed('beheerder@example.test'))
      unknown.push(await timed(`niemand-${round}@example.test`))
    }
    const locked: number[] = []
    for (let round = 0; round < 5; round++) {
      locked.push(await timed('beheerder@example.test'))
      unknown.push(await timed(`niemand-${round}@example.test`))
    }
    const [e, u, l] = [median(existing), median(unknown), median(locked)]
    console.info(
      `rate-limits: failed login without padding, median ${e.toFixed(0)} ms existing, ${u.toFixed(0)} ms unknown, ${l.toFixed(0)} ms locked`,
    )
    // Before the equal work, an unknown account answered in ~6 % of the time.
    for (const other of [u, l]) {
      expect(other / e).toBeGreaterThan(0.5)
      expect(other / e).toBeLessThan(2)
    }
  })
})
