import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import pg from 'pg'

import { request } from '../helpers/api'
import { waitFor } from '../helpers/cluster'
import { startPrivatePostgres, type PrivatePostgres } from '../helpers/privatePostgres'
import { startServer, type TestServer } from '../helpers/server'

/**
 * What /healthz (liveness) and /readyz (readiness) say when things go wrong, on a
 * Postgres server of this test's own (it is stopped and started). Postgres only: the
 * connection pool is Postgres'.
 */
const onPostgres = process.env.TEST_DB === 'postgres'
const suite = onPostgres ? describe : describe.skip

let database: PrivatePostgres
let server: TestServer

const status = async (path: string) => {
  const res = await request(server.url, path)
  return { status: res.status, body: res.body }
}

beforeAll(async () => {
  if (!onPostgres) return
  database = await startPrivatePostgres()
  server = await startServer(
    {
      DATABASE_POOL_MAX: '3',
      LIVENESS_DB_STUCK_SECONDS: '2',
      LIVENESS_EVENT_LOOP_MAX_MS: '1000',
      SHUTDOWN_DELAY_SECONDS: '2',
    },
    { databaseUri: database.url },
  )
})

afterAll(async () => {
  await server?.stop()
  database?.destroy()
})

suite('health when things go wrong', () => {
  it('a database that is down fails readiness only, and both recover with it', async () => {
    database.stop()
    try {
      await waitFor('/readyz to fail', async () => (await status('/readyz')).status === 503, 15_000)
      expect((await status('/readyz')).body.reason).toMatch(/^database: /)
      expect(await status('/healthz')).toEqual({ status: 200, body: { status: 'ok' } })
    } finally {
      database.start()
    }
    await waitFor('/readyz to recover', async () => (await status('/readyz')).status === 200, 20_000)
    expect((await status('/healthz')).status).toBe(200)
  })

  it('connections all held by transactions that do not finish fail liveness', async () => {
    // A lock nobody releases: every read of pages waits on it, holding its connection.
    const locker = new pg.Client({ connectionString: database.url })
    await locker.connect()
    await locker.query('BEGIN')
    await locker.query('LOCK TABLE pages IN ACCESS EXCLUSIVE MODE')
    const stuck = Array.from({ length: 5 }, (_, i) =>
      fetch(`${server.url}/api/pages?limit=1&stuck=${i}`).catch(() => undefined),
    )
    const unhealthy = await waitFor(
      '/healthz to fail',
      async () => {
        const answer = await status('/healthz')
        return answer.status === 503 ? answer : undefined
      },
      15_000,
    )
    expect(unhealthy.body).toEqual({
      status: 'unhealthy',
      reasons: ['all 3 database connections held for more than 2 s'],
    })
    // Released, the same process is healthy again: the waiting requests finish.
    await locker.query('ROLLBACK')
    await locker.end()
    await Promise.all(stuck)
    await waitFor('/healthz to recover', async () => (await status('/healthz')).status === 200, 10_000)
  })

  it('a blocked event loop fails liveness', async () => {
    // Frozen for 1.5 s (as a runaway synchronous loop would): nothing runs, then it goes on.
    process.kill(server.pid, 'SIGSTOP')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    process.kill(server.pid, 'SIGCONT')
    const answer = await status('/healthz')
    expect(answer.status).toBe(503)
    expect(answer.body.reasons[0]).toMatch(/^event loop blocked for \d+ ms$/)
    expect(Number(/(\d+) ms/.exec(answer.body.reasons[0])![1])).toBeGreaterThanOrEqual(1000)
  })

  it('SIGTERM: /readyz fails at once while the node drains, then it exits 0', async () => {
    process.kill(server.pid, 'SIGTERM')
    // SHUTDOWN_DELAY_SECONDS=2: still accepting, but no longer ready.
    const draining = await waitFor(
      '/readyz to say draining',
      async () => {
        const answer = await status('/readyz')
        return answer.body?.status === 'draining' ? answer : undefined
      },
      5_000,
    )
    expect(draining.status).toBe(503)
    expect(draining.body.reason).toBe('shutting down')
    expect(await server.exited).toBe(0)
  })
})
