import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  await server?.stop()
})

describe('health', () => {
  it('answers liveness', async () => {
    const res = await request(server.url, '/healthz')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok' })
  })

  it('answers readiness with the database adapter in use', async () => {
    const res = await request(server.url, '/readyz')
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('ready')
    expect(res.body.database).toBe(server.db)
  })

  it('sends security headers on every response', async () => {
    const res = await request(server.url, '/api/pages')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
  })
})
