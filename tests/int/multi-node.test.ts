import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'

import pg from 'pg'

import { registerFirstAdmin, request } from '../helpers/api'
import { startNodes, stopNodes, waitFor } from '../helpers/cluster'
import { makePdf, rawGet } from '../helpers/files'
import { startS3, type TestS3 } from '../helpers/s3'
import type { TestServer } from '../helpers/server'
import { upload } from '../helpers/upload'
import { startWebhookReceiver } from '../helpers/webhookReceiver'

/**
 * Two app nodes on one Postgres database, both running jobs, files in one bucket: what
 * a scaled-out deployment does. Postgres only (SQLite is single-node by design).
 */
const onPostgres = process.env.TEST_DB === 'postgres'
const suite = onPostgres ? describe : describe.skip

const SECRET = 'multi-node-webhook-secret-0123456789'
const LEASE_SECONDS = 4

let a: TestServer
let b: TestServer
let s3: TestS3
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
let db: pg.Client
let admin: string
/** The node still running after the crash test. */
let survivor: TestServer
const heldOnce = new Set<string>()

const nodes = () => [a, b]

const create = async (node: TestServer, collection: string, data: Record<string, unknown>) => {
  const res = await request(node.url, `/api/${collection}`, { method: 'POST', token: admin, json: data })
  expect(res.status).toBe(201)
  return res.body.doc as { id: number; slug: string }
}

/** Jobs of a task still in the table (finished ones are deleted). */
const jobsLeft = async (task: string) =>
  Number((await db.query('SELECT count(*) FROM payload_jobs WHERE task_slug = $1', [task])).rows[0].count)

beforeAll(async () => {
  if (!onPostgres) return
  s3 = await startS3()
  receiver = await startWebhookReceiver({
    // The first attempt of a "vasthouden" delivery gets no answer: its node is killed meanwhile.
    hold: (delivery) => {
      const slug = String(delivery.body.slug ?? '')
      if (!/vasthouden|verdwijnt|afronden/.test(slug) || heldOnce.has(slug)) return false
      heldOnce.add(slug)
      return true
    },
  })
  ;[a, b] = await startNodes(2, {
    ...s3.env,
    REVALIDATE_WEBHOOKS: receiver.url,
    REVALIDATE_WEBHOOK_SECRET: SECRET,
    JOBS_INTERVAL_SECONDS: '1',
    JOBS_LEASE_SECONDS: String(LEASE_SECONDS),
  })
  admin = await registerFirstAdmin(a.url)
  db = new pg.Client({ connectionString: a.databaseUri })
  await db.connect()
})

afterAll(async () => {
  await db?.end()
  await stopNodes([a, b])
  await receiver?.stop()
  await s3?.stop()
})

suite('several nodes on one database', () => {
  it('30 publishes through both nodes: 30 deliveries, each once', async () => {
    const slugs = Array.from({ length: 30 }, (_, i) => `meerdere-nodes-${i}`)
    for (let i = 0; i < slugs.length; i += 6) {
      await Promise.all(
        slugs.slice(i, i + 6).map((slug, j) =>
          create(nodes()[(i + j) % 2]!, 'projects', { title: slug, slug, _status: 'published' }),
        ),
      )
    }
    await waitFor('30 deliveries', () => slugs.every((slug) => receiver.of(slug).length > 0))
    await waitFor('the delivery jobs to finish', async () => (await jobsLeft('revalidateWebhook')) === 0)
    // Two more polls of both runners: a second delivery would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 2500))
    for (const slug of slugs) expect(receiver.of(slug)).toHaveLength(1)
    const ids = slugs.map((slug) => receiver.of(slug)[0]!.deliveryId)
    expect(new Set(ids).size).toBe(30)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('10 scheduled publishes: each runs once (one published version, one delivery)', async () => {
    const docs: { id: number; slug: string }[] = []
    for (let i = 0; i < 10; i++) {
      const slug = `gepland-meerdere-nodes-${i}`
      docs.push(await create(nodes()[i % 2]!, 'projects', { title: slug, slug, _status: 'draft' }))
    }
    const at = new Date(Date.now() + 3000).toISOString()
    for (const [i, doc] of docs.entries()) {
      const res = await request(nodes()[i % 2]!.url, `/api/projects/${doc.id}/schedule`, {
        method: 'POST',
        token: admin,
        json: { type: 'publish', at },
      })
      expect(res.status).toBe(201)
    }
    await waitFor('10 scheduled publishes', () => docs.every((doc) => receiver.of(doc.slug).length > 0))
    await waitFor('the schedule jobs to finish', async () => (await jobsLeft('schedulePublish')) === 0)
    await new Promise((resolve) => setTimeout(resolve, 2500))
    const published = await db.query(
      `SELECT parent_id, count(*)::int AS versions FROM _projects_v
       WHERE version__status = 'published' AND parent_id = ANY($1) GROUP BY parent_id`,
      [docs.map((doc) => doc.id)],
    )
    expect(published.rows).toHaveLength(10)
    for (const row of published.rows) expect(row.versions).toBe(1)
    for (const doc of docs) expect(receiver.of(doc.slug)).toHaveLength(1)
  })

  it('a job removed while it runs: its failed bookkeeping is rolled back, no connection is left behind', async () => {
    // What the loser of a race met before: the job row is gone (another node finished and
    // deleted it) when the runner records the result, and the log insert fails on
    // payload_jobs_log_parent_id_fk inside Payload's own transaction.
    const slug = 'verdwijnt-tijdens-run'
    await create(a, 'projects', { title: slug, slug, _status: 'published' })
    await waitFor('the attempt', () => receiver.of(slug)[0])
    const removed = await db.query(
      `DELETE FROM payload_jobs WHERE task_slug = 'revalidateWebhook' AND input::text LIKE '%verdwijnt-tijdens-run%'`,
    )
    expect(removed.rowCount).toBe(1)
    receiver.answer(slug)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    for (const node of nodes()) expect((await request(node.url, '/readyz')).status).toBe(200)
  })

  it('leaves no connection idle in an (aborted) transaction', async () => {
    const { rows } = await db.query(
      `SELECT state, count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND state LIKE 'idle in transaction%' GROUP BY state`,
    )
    expect(rows).toEqual([])
  })

  it('an upload through A is served by B from the bucket: 200, 304, 206, HEAD', async () => {
    const pdf = makePdf(['Gedeelde opslag', 'Pagina twee'])
    const res = await upload(
      a.url,
      'documents',
      { data: pdf, name: 'gedeeld.pdf', type: 'application/pdf' },
      { title: 'Gedeeld document', slug: 'gedeeld-document', type: 'factsheet', _status: 'published' },
      admin,
    )
    expect(res.status).toBe(201)
    const { filename } = res.body.doc
    // In the bucket, not on A's disk.
    expect(await s3.keys('documents/')).toContain(`documents/${filename}`)
    expect((await s3.read(`documents/${filename}`)).equals(pdf)).toBe(true)

    for (const path of ['/downloads/gedeeld-document', `/api/documents/file/${filename}`]) {
      const full = await rawGet(`${b.url}${path}`)
      expect(full.status).toBe(200)
      expect(full.body.equals(pdf)).toBe(true)
      expect(full.headers['content-length']).toBe(String(pdf.length))
      expect(full.headers['content-type']).toBe('application/pdf')
      expect(full.headers.etag).toBeTruthy()
      expect(full.headers['last-modified']).toBeTruthy()
      const again = await rawGet(`${b.url}${path}`, { 'If-None-Match': full.headers.etag! })
      expect(again.status).toBe(304)
      expect(again.body.length).toBe(0)
      const part = await rawGet(`${b.url}${path}`, { Range: 'bytes=10-29' })
      expect(part.status).toBe(206)
      expect(part.headers['content-range']).toBe(`bytes 10-29/${pdf.length}`)
      expect(part.body.equals(pdf.subarray(10, 30))).toBe(true)
      const head = await rawGet(`${b.url}${path}`, {}, 'HEAD')
      expect(head.status).toBe(200)
      expect(head.headers['content-length']).toBe(String(pdf.length))
      expect(head.body.length).toBe(0)
    }
    const download = await rawGet(`${b.url}/downloads/gedeeld-document`)
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Gedeeld document\.pdf"/)
    expect(createHash('sha256').update(download.body).digest('hex')).toBe(
      createHash('sha256').update(pdf).digest('hex'),
    )
    // Whole downloads count (two), wherever they were served; ranges, 304s and HEADs do not.
    await waitFor('the download count', async () => {
      const doc = await request(a.url, `/api/documents/${res.body.doc.id}?depth=0`, { token: admin })
      return doc.body.downloadCount === 2 ? true : undefined
    })
  })

  it('a node killed while it holds a job: the other node completes it after the lease', async () => {
    const slug = 'vasthouden-bij-crash'
    await create(a, 'projects', { title: slug, slug, _status: 'published' })
    // The first attempt reaches the receiver, which keeps it open: its node holds the job.
    const first = await waitFor('the first attempt', () => receiver.of(slug)[0])
    const { rows } = await db.query(
      `SELECT id, lease_owner FROM payload_jobs
       WHERE task_slug = 'revalidateWebhook' AND input::text LIKE '%vasthouden-bij-crash%'`,
    )
    expect(rows).toHaveLength(1)
    const pid = Number(String(rows[0].lease_owner).split('/')[1])
    const holder = nodes().find((node) => node.pid === pid)!
    const other = nodes().find((node) => node !== holder)!
    expect(holder).toBeDefined()
    process.kill(holder.pid, 'SIGKILL')
    const killedAt = Date.now()
    await holder.exited

    const second = await waitFor('the delivery from the other node', () => receiver.of(slug)[1], 20_000)
    // The same delivery (a receiver drops the repeat by its id), sent once the lease ran out.
    expect(second.deliveryId).toBe(first.deliveryId)
    expect(second.receivedAt - killedAt).toBeGreaterThan((LEASE_SECONDS - 2) * 1000)
    await waitFor('the job to be completed', async () => (await jobsLeft('revalidateWebhook')) === 0)
    expect(receiver.of(slug)).toHaveLength(2)
    // The surviving node still serves.
    expect((await request(other.url, '/readyz')).status).toBe(200)
    survivor = other
  })

  it('SIGTERM while a node runs a job: it finishes the job, gives nothing back twice, exits 0', async () => {
    const slug = 'afronden-bij-stoppen'
    await create(survivor, 'projects', { title: slug, slug, _status: 'published' })
    await waitFor('the delivery', () => receiver.of(slug)[0])
    process.kill(survivor.pid, 'SIGTERM')
    // The receiver answers only after the node was told to stop: the node waits for it.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    receiver.answer(slug)
    expect(await survivor.exited).toBe(0)
    expect(await jobsLeft('revalidateWebhook')).toBe(0)
    expect(receiver.of(slug)).toHaveLength(1)
  })
})
