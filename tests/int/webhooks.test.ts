import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import crypto from 'node:crypto'
import http from 'node:http'
import net from 'node:net'

import { registerFirstAdmin, request } from '../helpers/api'
import { freePort } from '../helpers/ports'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Revalidation webhooks against a real receiver in this test process. Three targets:
 *  /hook  answers 200 (500 once for slugs containing "faalt-eenmaal"),
 *  /slow  holds requests for slugs containing "blijft-hangen" and never answers them,
 *  and a port nothing listens on.
 * Before answering, /hook reads the document anonymously from the API: a delivery must
 * only leave once the change is committed, so the receiver already sees the new state.
 */
const SECRET = 'test-webhook-secret-0123456789abcdef'
const WAIT_MS = 30_000

type Delivery = {
  path: string
  headers: http.IncomingHttpHeaders
  raw: string
  body: any
  receivedAt: number
  status?: number
  /** Whether the document was publicly readable when the delivery arrived. */
  publiclyVisible?: boolean
  closedAt?: number
}

let server: TestServer
let adminToken: string
let receiver: http.Server
let receiverUrl = ''
let deadUrl = ''
const deliveries: Delivery[] = []
const held: http.ServerResponse[] = []
const failedOnce = new Set<string>()

const publiclyVisible = async (collection: string, slug: string) => {
  const res = await fetch(
    `${server.url}/api/${collection}?where[slug][equals]=${encodeURIComponent(slug)}&depth=0`,
  )
  const body = (await res.json()) as { docs: unknown[] }
  return body.docs.length === 1
}

const receive = async (req: http.IncomingMessage, res: http.ServerResponse) => {
  let raw = ''
  for await (const chunk of req) raw += chunk
  const delivery: Delivery = {
    path: req.url ?? '',
    headers: req.headers,
    raw,
    body: JSON.parse(raw),
    receivedAt: Date.now(),
  }
  deliveries.push(delivery)
  const slug = String(delivery.body.slug ?? '')
  if (delivery.path === '/slow' && slug.includes('blijft-hangen')) {
    res.on('close', () => (delivery.closedAt = Date.now()))
    held.push(res)
    return
  }
  if (delivery.path === '/hook' && delivery.body.collection && delivery.body.slug) {
    delivery.publiclyVisible = await publiclyVisible(delivery.body.collection, delivery.body.slug)
  }
  const failNow =
    delivery.path === '/hook' && slug.includes('faalt-eenmaal') && !failedOnce.has(slug)
  if (failNow) failedOnce.add(slug)
  delivery.status = failNow ? 500 : 200
  res.writeHead(delivery.status).end()
}

/** Bounded polling: the value once `find` returns one, or a failure after `limitMs`. */
const waitFor = async <T>(
  what: string,
  find: () => T | undefined | Promise<T | undefined>,
  limitMs = WAIT_MS,
): Promise<T> => {
  const deadline = Date.now() + limitMs
  for (;;) {
    const found = await find()
    if (found !== undefined && found !== false) return found
    if (Date.now() > deadline) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const hookDeliveries = (slug: string) =>
  deliveries.filter((d) => d.path === '/hook' && d.body.slug === slug)

const waitForHook = (slug: string, event: string) =>
  waitFor(`${event} of ${slug} at /hook`, () =>
    hookDeliveries(slug).find((d) => d.body.event === event && d.status === 200),
  )

/** The receiver's side of the signature: HMAC-SHA256 over "<t>.<raw body>", recent t. */
const expectValidSignature = (delivery: Delivery) => {
  const header = String(delivery.headers['x-koers-signature'] ?? '')
  const match = /^t=(\d+),sha256=([0-9a-f]{64})$/.exec(header)
  expect(match).not.toBeNull()
  const [, t, signature] = match!
  const expected = crypto.createHmac('sha256', SECRET).update(`${t}.${delivery.raw}`).digest()
  expect(crypto.timingSafeEqual(expected, Buffer.from(signature!, 'hex'))).toBe(true)
  expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(300)
  // A tampered body does not verify.
  const forged = crypto
    .createHmac('sha256', SECRET)
    .update(`${t}.${delivery.raw.replace('"event"', '"evnt"')}`)
    .digest()
  expect(crypto.timingSafeEqual(forged, Buffer.from(signature!, 'hex'))).toBe(false)
}

/** Every webhook job the server queued for this slug (admins may read the jobs collection). */
const jobsFor = async (slug: string) => {
  const res = await request(
    server.url,
    '/api/payload-jobs?where[taskSlug][equals]=revalidateWebhook&limit=1000&depth=0',
    {
      token: adminToken,
    },
  )
  expect(res.status).toBe(200)
  return (res.body.docs as any[]).filter((job) => job.input?.event?.slug === slug)
}

const create = async (collection: string, data: Record<string, unknown>, query = '') => {
  const res = await request(server.url, `/api/${collection}${query}`, {
    method: 'POST',
    token: adminToken,
    json: data,
  })
  expect(res.status).toBe(201)
  return res.body.doc as { id: number; slug: string }
}

const patch = async (collection: string, id: number, data: Record<string, unknown>, query = '') => {
  const res = await request(server.url, `/api/${collection}/${id}${query}`, {
    method: 'PATCH',
    token: adminToken,
    json: data,
  })
  expect(res.status).toBe(200)
  return res.body.doc
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => void receive(req, res))
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as net.AddressInfo).port}`
  deadUrl = `http://127.0.0.1:${await freePort()}/nobody-home`
  server = await startServer({
    REVALIDATE_WEBHOOKS: `${receiverUrl}/hook, ${receiverUrl}/slow,${deadUrl}`,
    REVALIDATE_WEBHOOK_SECRET: SECRET,
    JOBS_INTERVAL_SECONDS: '1',
  })
  adminToken = await registerFirstAdmin(server.url)
})

afterAll(async () => {
  for (const res of held) res.destroy()
  await server?.stop()
  receiver?.closeAllConnections()
  await new Promise((resolve) => receiver?.close(resolve))
})

describe('revalidation webhooks', () => {
  it('the seed on start sent nothing', async () => {
    const seeded = await request(
      server.url,
      '/api/payload-jobs?where[taskSlug][equals]=revalidateWebhook&limit=1',
      { token: adminToken },
    )
    expect(seeded.body.totalDocs).toBe(0)
  })

  it('publish: a signed event, sent after the change is committed', async () => {
    const project = await create('projects', {
      title: 'Webhook project',
      slug: 'webhook-project',
      _status: 'published',
    })
    const delivery = await waitForHook('webhook-project', 'publish')
    expectValidSignature(delivery)
    expect(delivery.headers['content-type']).toBe('application/json')
    expect(delivery.headers['x-koers-delivery']).toBeTruthy()
    expect(delivery.body).toEqual({
      event: 'publish',
      collection: 'projects',
      id: project.id,
      slug: 'webhook-project',
      locales: ['nl', 'en'],
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
    expect(delivery.publiclyVisible).toBe(true)
    // One job per target, each on its own: /slow got it too, the dead target's job waits to retry.
    await waitFor('the delivery at /slow', () =>
      deliveries.find((d) => d.path === '/slow' && d.body.slug === 'webhook-project'),
    )
    // A delivered job is removed right after its delivery: wait for that, bounded.
    const pending = await waitFor('the delivered jobs to be removed', async () => {
      const jobs = await jobsFor('webhook-project')
      return jobs.length === 1 ? jobs : undefined
    })
    expect(pending.map((job: any) => job.input.url)).toEqual([deadUrl])
    expect(pending[0].queue).toMatch(/^webhooks-[0-9a-f]{12}$/)
  })

  it('a draft saved over a published page sends nothing; unpublish does, once it is committed', async () => {
    const page = await create('pages', {
      title: 'Webhook pagina',
      slug: 'webhook-pagina',
      _status: 'published',
    })
    const published = await waitForHook('webhook-pagina', 'publish')
    expect(published.body).toMatchObject({
      collection: 'pages',
      id: page.id,
      path: '/webhook-pagina',
    })

    // A job for the dead target would stay (retrying, then failed): none was made.
    const draftSavedAt = Date.now()
    await patch(
      'pages',
      page.id,
      { title: 'Webhook pagina (concept)', _status: 'draft' },
      '?draft=true',
    )
    const jobsSince = async () =>
      (await jobsFor('webhook-pagina')).filter((job) => Date.parse(job.createdAt) >= draftSavedAt)
    expect(await jobsSince()).toHaveLength(0)

    await patch('pages', page.id, { _status: 'draft' })
    const unpublished = await waitForHook('webhook-pagina', 'unpublish')
    expectValidSignature(unpublished)
    expect(unpublished.body).toMatchObject({
      event: 'unpublish',
      collection: 'pages',
      id: page.id,
      slug: 'webhook-pagina',
    })
    expect(unpublished.publiclyVisible).toBe(false)
    // One job per target; those already delivered may or may not have been removed yet.
    expect([...new Set((await jobsSince()).map((job) => job.input.event.event))]).toEqual([
      'unpublish',
    ])
    expect(hookDeliveries('webhook-pagina').map((d) => d.body.event)).toEqual([
      'publish',
      'unpublish',
    ])
  })

  it('re-publishing a changed document is a publish, with the old slug when it moved', async () => {
    const project = await create('projects', {
      title: 'Verhuizend project',
      slug: 'oude-slug',
      _status: 'published',
    })
    await waitForHook('oude-slug', 'publish')
    await patch('projects', project.id, { slug: 'nieuwe-slug', _status: 'published' })
    const moved = await waitForHook('nieuwe-slug', 'publish')
    expect(moved.body).toMatchObject({
      event: 'publish',
      id: project.id,
      slug: 'nieuwe-slug',
      previousSlug: 'oude-slug',
    })
    expect(moved.publiclyVisible).toBe(true)
  })

  it('delete: sent for a published document, not for a never-published draft', async () => {
    const page = await create('pages', {
      title: 'Weg pagina',
      slug: 'weg-pagina',
      _status: 'published',
    })
    await waitForHook('weg-pagina', 'publish')
    const draft = await create(
      'pages',
      { title: 'Nooit gepubliceerd', slug: 'nooit-gepubliceerd', _status: 'draft' },
      '?draft=true',
    )

    expect(
      (await request(server.url, `/api/pages/${draft.id}`, { method: 'DELETE', token: adminToken }))
        .status,
    ).toBe(200)
    expect(
      (await request(server.url, `/api/pages/${page.id}`, { method: 'DELETE', token: adminToken }))
        .status,
    ).toBe(200)
    const deleted = await waitForHook('weg-pagina', 'delete')
    expectValidSignature(deleted)
    expect(deleted.body).toMatchObject({
      event: 'delete',
      collection: 'pages',
      id: page.id,
      slug: 'weg-pagina',
    })
    expect(deleted.publiclyVisible).toBe(false)
    expect(await jobsFor('nooit-gepubliceerd')).toHaveLength(0)
  })

  it('a scheduled publish sends a publish when the job has run', async () => {
    const page = await create(
      'pages',
      { title: 'Gepland', slug: 'gepland-webhook', _status: 'draft' },
      '?draft=true',
    )
    const at = new Date(Date.now() + 2_000).toISOString()
    const scheduled = await request(server.url, `/api/pages/${page.id}/schedule`, {
      method: 'POST',
      token: adminToken,
      json: { type: 'publish', at },
    })
    expect(scheduled.status).toBe(201)
    const delivery = await waitForHook('gepland-webhook', 'publish')
    expect(delivery.receivedAt).toBeGreaterThanOrEqual(Date.parse(at))
    expect(delivery.publiclyVisible).toBe(true)
    expectValidSignature(delivery)
  })

  it('a changed global is sent as update', async () => {
    const res = await request(server.url, '/api/globals/site', {
      method: 'POST',
      token: adminToken,
      json: { siteName: 'Koers en kansen (webhook)' },
    })
    expect(res.status).toBe(200)
    const delivery = await waitFor('site update', () =>
      deliveries.find((d) => d.path === '/hook' && d.body.global === 'site'),
    )
    expect(delivery.body).toEqual({
      event: 'update',
      global: 'site',
      locales: ['nl', 'en'],
      occurredAt: expect.any(String),
    })
    expectValidSignature(delivery)
  })

  it('a 500 is retried: the same delivery arrives again and then succeeds', async () => {
    await create('projects', {
      title: 'Faalt eenmaal',
      slug: 'faalt-eenmaal',
      _status: 'published',
    })
    const success = await waitForHook('faalt-eenmaal', 'publish')
    const attempts = hookDeliveries('faalt-eenmaal')
    expect(attempts.map((d) => d.status)).toEqual([500, 200])
    expect(attempts[1]!.headers['x-koers-delivery']).toBe(attempts[0]!.headers['x-koers-delivery'])
    expect(attempts[1]!.raw).toBe(attempts[0]!.raw)
    expect(attempts[1]!.receivedAt - attempts[0]!.receivedAt).toBeGreaterThanOrEqual(1_500) // backoff
    expectValidSignature(success)
  })

  it('a dead target is given up after four attempts and stays visible as a failed job', async () => {
    const failed = await waitFor(
      'the dead target job to fail for good',
      async () =>
        (await jobsFor('webhook-project')).find((job) => job.input.url === deadUrl && job.hasError),
      60_000,
    )
    expect(failed.totalTried).toBe(4)
    expect(failed.completedAt ?? null).toBeNull()
    expect(failed.log.map((entry: any) => entry.state)).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
    ])
    // The delivered ones are done and removed; only the failure is left to look at.
    const left = await waitFor('only the failed job to be left', async () => {
      const jobs = await jobsFor('webhook-project')
      return jobs.length === 1 ? jobs : undefined
    })
    expect(left.map((job: any) => job.input.url)).toEqual([deadUrl])
  })

  it('a receiver that never answers does not hold up a save, nor the other targets, and is timed out', async () => {
    await create('projects', {
      title: 'Blijft hangen',
      slug: 'blijft-hangen',
      _status: 'published',
    })
    const hanging = await waitFor('the held request at /slow', () =>
      deliveries.find((d) => d.path === '/slow' && d.body.slug === 'blijft-hangen'),
    )

    // While /slow holds that request open, a save returns and /hook is served.
    const other = await create('projects', {
      title: 'Intussen',
      slug: 'intussen-gepubliceerd',
      _status: 'published',
    })
    expect(other.slug).toBe('intussen-gepubliceerd')
    expect(hanging.closedAt).toBeUndefined()
    await waitForHook('intussen-gepubliceerd', 'publish')
    expect(hanging.closedAt).toBeUndefined()

    // The sender gives up on the attempt (5 s timeout) and tries again later.
    await waitFor('the held request to be aborted', () => hanging.closedAt, 15_000)
    const retry = await waitFor(
      'a second attempt at /slow',
      () => deliveries.filter((d) => d.path === '/slow' && d.body.slug === 'blijft-hangen')[1],
    )
    expect(retry.headers['x-koers-delivery']).toBe(hanging.headers['x-koers-delivery'])
  })
})
