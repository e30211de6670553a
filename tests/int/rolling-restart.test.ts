import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import pg from 'pg'

import { registerFirstAdmin } from '../helpers/api'
import { startNodes, stopNodes, waitFor } from '../helpers/cluster'
import { startServer, type TestServer } from '../helpers/server'
import { startWebhookReceiver } from '../helpers/webhookReceiver'

/**
 * A rolling restart under load: two nodes on one Postgres database; a client sends a
 * steady stream of reads and writes alternately to A and B and behaves like a load
 * balancer: a request whose connection is refused goes to the other node, and the
 * refusing node gets traffic again once its /readyz says 200. Node A is restarted
 * (SIGTERM, then started again on its port) in the middle. Postgres only.
 */
const onPostgres = process.env.TEST_DB === 'postgres'
const suite = onPostgres ? describe : describe.skip

const WORKERS = 4
const BEFORE_MS = 2_000
const AFTER_MS = 3_000

let a: TestServer
let b: TestServer
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
let admin: string

beforeAll(async () => {
  if (!onPostgres) return
  receiver = await startWebhookReceiver()
  // b owns the database; a joins it and is the one restarted.
  ;[b, a] = await startNodes(2, envOf())
  admin = await registerFirstAdmin(b.url)
})

afterAll(async () => {
  await stopNodes([b, a])
  await receiver?.stop()
})

type Outcome = { ok: boolean; status?: number; error?: string; ms: number; retried: boolean }

const refused = (error: unknown) =>
  (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED'

suite('rolling restart', () => {
  it('restarts a node under steady reads and writes: nothing fails, nothing is lost, every job runs once', async () => {
    const nodes = () => [a, b]
    const outcomes: Outcome[] = []
    const acknowledged: { id: number; slug: string }[] = []
    let running = true
    let counter = 0
    const inRotation = [true, true]

    /** Out of rotation until its readiness answers 200 again, as a load balancer's health check does. */
    const takeOut = (index: number) => {
      if (!inRotation[index]) return
      inRotation[index] = false
      void (async () => {
        while (running) {
          const ready = await fetch(`${nodes()[index]!.url}/readyz`)
            .then((res) => res.status === 200)
            .catch(() => false)
          if (ready) break
          await new Promise((resolve) => setTimeout(resolve, 200))
        }
        inRotation[index] = true
      })()
    }

    /** One request to node `first` (or the other while it is out), moved over if refused. */
    const send = async (first: number, path: string, init: RequestInit) => {
      const started = performance.now()
      const order = inRotation[first] ? [first, 1 - first] : [1 - first]
      for (const index of order) {
        try {
          const res = await fetch(`${nodes()[index]!.url}${path}`, init)
          const body = await res.text()
          return { res, body, ms: performance.now() - started, retried: index !== first }
        } catch (error) {
          if (!refused(error) || index !== order[0] || order.length === 1) throw error
          takeOut(index)
        }
      }
      throw new Error('unreachable')
    }

    const worker = async (w: number) => {
      for (let i = 0; running; i++) {
        const n = counter++
        const target = n % 2
        const write = i % 2 === 1
        const slug = `rollend-${w}-${i}`
        const started = performance.now()
        try {
          const { res, body, ms, retried } = write
            ? await send(target, '/api/projects', {
                method: 'POST',
                headers: { Authorization: `JWT ${admin}`, 'Content-Type': 'application/json' },
                body: JSON.stringify({ title: slug, slug, _status: 'published' }),
              })
            : await send(target, '/api/projects?limit=5&depth=0&sort=-createdAt', {})
          const ok = write ? res.status === 201 : res.status === 200
          if (ok && write) acknowledged.push({ id: JSON.parse(body).doc.id, slug })
          outcomes.push({ ok, status: res.status, ms, retried })
        } catch (error) {
          outcomes.push({
            ok: false,
            error: String((error as { cause?: unknown }).cause ?? error),
            ms: performance.now() - started,
            retried: false,
          })
        }
      }
    }

    const workers = Array.from({ length: WORKERS }, (_, w) => worker(w))
    await new Promise((resolve) => setTimeout(resolve, BEFORE_MS))
    const restartStarted = performance.now()
    process.kill(a.pid, 'SIGTERM')
    const exitCode = await a.exited
    const stoppedMs = performance.now() - restartStarted
    const old = a
    a = await startServer({ ...envOf(), SEED_ON_START: 'false' }, { databaseUri: b.databaseUri, port: old.port })
    await old.stop()
    const restartMs = performance.now() - restartStarted
    await new Promise((resolve) => setTimeout(resolve, AFTER_MS))
    running = false
    await Promise.all(workers)

    const failed = outcomes.filter((outcome) => !outcome.ok)
    const sorted = outcomes.map((outcome) => outcome.ms).sort((x, y) => x - y)
    const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0
    console.log(
      `rolling restart: ${outcomes.length} requests (${acknowledged.length} writes acknowledged), ` +
        `${failed.length} failed, ${outcomes.filter((o) => o.retried).length} moved to the other node, ` +
        `p99 ${p99.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms; ` +
        `node A drained and exited in ${stoppedMs.toFixed(0)} ms, back in ${restartMs.toFixed(0)} ms`,
    )
    expect(exitCode).toBe(0)
    expect(failed).toEqual([])
    expect(outcomes.length).toBeGreaterThan(50)

    // Every acknowledged write is in the database…
    const db = new pg.Client({ connectionString: b.databaseUri })
    await db.connect()
    const { rows } = await db.query('SELECT id FROM projects WHERE id = ANY($1)', [acknowledged.map((w) => w.id)])
    expect(rows).toHaveLength(acknowledged.length)
    // …and every publish was delivered once, whichever node ran its job.
    await waitFor('every delivery', () => acknowledged.every((w) => receiver.of(w.slug).length > 0), 30_000)
    await waitFor('the delivery jobs to finish', async () =>
      Number((await db.query("SELECT count(*) FROM payload_jobs WHERE task_slug = 'revalidateWebhook'")).rows[0].count) === 0,
    )
    await db.end()
    for (const write of acknowledged) expect(receiver.of(write.slug)).toHaveLength(1)
  })
})

const envOf = () => ({
  REVALIDATE_WEBHOOKS: receiver.url,
  REVALIDATE_WEBHOOK_SECRET: 'rolling-restart-secret-0123456789',
  JOBS_INTERVAL_SECONDS: '1',
})
