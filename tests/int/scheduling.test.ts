import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { graphql, login, registerFirstAdmin, request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Scheduled publish/unpublish runs in the server process itself (no extra worker):
 * an editor schedules over REST, and the document appears or disappears for
 * anonymous readers once its time has come and the in-process runner ticked.
 */

let server: TestServer
let adminToken: string
let editorToken: string

const EDITOR = { email: 'redacteur.planning@example.test', password: 'Test-wachtwoord-2' }
const LEAD_MS = 12_000
const POLL_LIMIT_MS = 60_000

const anonymousFindBySlug = async (collection: string, slug: string) => {
  const res = await request(server.url, `/api/${collection}?where[slug][equals]=${slug}&depth=0`)
  expect(res.status).toBe(200)
  return res.body.docs as { id: number; slug: string; publishedAt?: string; _status?: string }[]
}

const anonymousGraphqlPage = async (slug: string) => {
  const res = await graphql<{ Pages: { docs: { slug: string }[] } }>(
    server.url,
    'query ($slug: String) { Pages(where: { slug: { equals: $slug } }) { docs { slug } } }',
    { slug },
  )
  expect(res.body.errors).toBeUndefined()
  return res.body.data!.Pages.docs
}

/**
 * Polls until `visible()` reports `want`, failing if the state changes before
 * `notBefore` (the scheduled time) or does not change within POLL_LIMIT_MS after it.
 */
const waitForVisibility = async (
  visible: () => Promise<boolean>,
  want: boolean,
  notBefore: number,
) => {
  const deadline = notBefore + POLL_LIMIT_MS
  for (;;) {
    const checkedAt = Date.now()
    const now = await visible()
    if (now === want) {
      if (checkedAt < notBefore)
        throw new Error(`changed ${notBefore - checkedAt} ms before its scheduled time`)
      return Date.now()
    }
    if (Date.now() > deadline)
      throw new Error(
        `did not become ${want ? 'visible' : 'hidden'} within ${POLL_LIMIT_MS} ms after its time`,
      )
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

const schedule = (collection: string, id: number, body: unknown, token?: string) =>
  request(server.url, `/api/${collection}/${id}/schedule`, { method: 'POST', json: body, token })

beforeAll(async () => {
  server = await startServer()
  adminToken = await registerFirstAdmin(server.url)
  const created = await request(server.url, '/api/users', {
    method: 'POST',
    token: adminToken,
    json: { ...EDITOR, name: 'Redacteur Planning', roles: ['editor'] },
  })
  expect(created.status).toBe(201)
  editorToken = await login(server.url, EDITOR.email, EDITOR.password)
})

afterAll(async () => {
  await server?.stop()
})

describe('scheduled publish and unpublish', () => {
  it('publishes a scheduled draft page and unpublishes a scheduled project at their time', async () => {
    // A draft page, never published.
    const page = await request(server.url, '/api/pages?draft=true', {
      method: 'POST',
      token: editorToken,
      json: { title: 'Geplande pagina', slug: 'geplande-pagina', _status: 'draft' },
    })
    expect(page.status).toBe(201)
    const pageId = page.body.doc.id as number
    expect(await anonymousFindBySlug('pages', 'geplande-pagina')).toHaveLength(0)

    // A published project.
    const project = await request(server.url, '/api/projects', {
      method: 'POST',
      token: editorToken,
      json: { title: 'Project dat verdwijnt', slug: 'project-dat-verdwijnt', _status: 'published' },
    })
    expect(project.status).toBe(201)
    const projectId = project.body.doc.id as number
    expect(await anonymousFindBySlug('projects', 'project-dat-verdwijnt')).toHaveLength(1)

    const at = Date.now() + LEAD_MS
    const publish = await schedule(
      'pages',
      pageId,
      { type: 'publish', at: new Date(at).toISOString() },
      editorToken,
    )
    expect(publish.status).toBe(201)
    expect(publish.body.job).toMatchObject({ type: 'publish', at: new Date(at).toISOString() })
    const unpublish = await schedule(
      'projects',
      projectId,
      { type: 'unpublish', at: new Date(at).toISOString() },
      editorToken,
    )
    expect(unpublish.status).toBe(201)
    expect(unpublish.body.job).toMatchObject({ type: 'unpublish' })

    // The editor sees the pending schedules; anonymous readers still see the old state.
    const pending = await request(server.url, `/api/pages/${pageId}/schedule`, {
      token: editorToken,
    })
    expect(pending.status).toBe(200)
    expect(pending.body.docs).toEqual([
      expect.objectContaining({ id: publish.body.job.id, type: 'publish' }),
    ])
    expect(await anonymousFindBySlug('pages', 'geplande-pagina')).toHaveLength(0)
    expect(await anonymousGraphqlPage('geplande-pagina')).toHaveLength(0)
    expect(await request(server.url, `/api/pages/${pageId}`).then((res) => res.status)).not.toBe(
      200,
    )

    await Promise.all([
      waitForVisibility(
        async () => (await anonymousFindBySlug('pages', 'geplande-pagina')).length === 1,
        true,
        at,
      ),
      waitForVisibility(
        async () => (await anonymousFindBySlug('projects', 'project-dat-verdwijnt')).length === 1,
        false,
        at,
      ),
    ])

    const [published] = await anonymousFindBySlug('pages', 'geplande-pagina')
    expect(published._status).toBe('published')
    expect(published.publishedAt).toBeDefined()
    expect(new Date(published.publishedAt!).getTime()).toBeGreaterThanOrEqual(at - 1000)
    expect(await anonymousGraphqlPage('geplande-pagina')).toEqual([{ slug: 'geplande-pagina' }])
    expect((await request(server.url, `/api/pages/${pageId}`)).status).toBe(200)

    // The project is still there for editors, as a draft.
    const hidden = await request(server.url, `/api/projects/${projectId}?draft=true`, {
      token: editorToken,
    })
    expect(hidden.status).toBe(200)
    expect(hidden.body._status).toBe('draft')
    expect((await request(server.url, `/api/projects/${projectId}`)).status).not.toBe(200)

    // Done jobs are no longer pending.
    const after = await request(server.url, `/api/pages/${pageId}/schedule`, { token: editorToken })
    expect(after.body.docs).toEqual([])
  })

  it('lets an editor cancel a pending schedule', async () => {
    const page = await request(server.url, '/api/pages?draft=true', {
      method: 'POST',
      token: editorToken,
      json: { title: 'Geannuleerde planning', slug: 'geannuleerde-planning', _status: 'draft' },
    })
    const id = page.body.doc.id as number
    const at = new Date(Date.now() + 60 * 60 * 1000).toISOString()
    const scheduled = await schedule('pages', id, { at }, editorToken)
    expect(scheduled.status).toBe(201)
    expect(scheduled.body.job).toMatchObject({ type: 'publish', at })

    const anonymousCancel = await request(
      server.url,
      `/api/pages/${id}/schedule/${scheduled.body.job.id}`,
      { method: 'DELETE' },
    )
    expect(anonymousCancel.status).toBe(401)

    const cancelled = await request(
      server.url,
      `/api/pages/${id}/schedule/${scheduled.body.job.id}`,
      {
        method: 'DELETE',
        token: editorToken,
      },
    )
    expect(cancelled.status).toBe(200)
    const pending = await request(server.url, `/api/pages/${id}/schedule`, { token: editorToken })
    expect(pending.body.docs).toEqual([])
    const again = await request(server.url, `/api/pages/${id}/schedule/${scheduled.body.job.id}`, {
      method: 'DELETE',
      token: editorToken,
    })
    expect(again.status).toBe(404)
    expect(again.body.errors?.[0]?.message).toEqual(expect.any(String))
  })

  it('refuses bad schedules with field errors', async () => {
    const page = await request(server.url, '/api/pages?draft=true', {
      method: 'POST',
      token: editorToken,
      json: { title: 'Foute planning', slug: 'foute-planning', _status: 'draft' },
    })
    const id = page.body.doc.id as number
    const cases: [unknown, string][] = [
      [{ at: 'morgen' }, 'at'],
      [{}, 'at'],
      [{ at: new Date(Date.now() - 60_000).toISOString() }, 'at'],
      [{ at: new Date(Date.now() + 60_000).toISOString(), type: 'delete' }, 'type'],
      [{ at: new Date(Date.now() + 60_000).toISOString(), locale: 'fr' }, 'locale'],
    ]
    for (const [body, path] of cases) {
      const res = await schedule('pages', id, body, editorToken)
      expect(res.status).toBe(400)
      expect(res.body.errors?.[0]?.data?.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path })]),
      )
    }
    const notJson = await request(server.url, `/api/pages/${id}/schedule`, {
      method: 'POST',
      token: editorToken,
      headers: { 'Content-Type': 'application/json' },
      body: '{not json',
    })
    expect(notJson.status).toBe(400)
    const missing = await schedule(
      'pages',
      999_999,
      { at: new Date(Date.now() + 60_000).toISOString() },
      editorToken,
    )
    expect(missing.status).toBe(404)
    const garbageId = await schedule(
      'pages',
      'abc' as unknown as number,
      { at: new Date(Date.now() + 60_000).toISOString() },
      editorToken,
    )
    expect(garbageId.status).toBe(404)
    const pending = await request(server.url, `/api/pages/${id}/schedule`, { token: editorToken })
    expect(pending.body.docs).toEqual([])
  })
})

describe('the job queue is not public', () => {
  it('does not let anonymous readers schedule, list schedules, read or create jobs', async () => {
    const [seeded] = await anonymousFindBySlug('pages', 'wat-is-koers-en-kansen')
    const at = new Date(Date.now() + 60 * 60 * 1000).toISOString()
    const scheduled = await schedule('pages', seeded.id, { type: 'unpublish', at })
    expect(scheduled.status).toBe(401)
    expect(scheduled.body.errors?.[0]?.message).toEqual(expect.any(String))
    expect((await request(server.url, `/api/pages/${seeded.id}/schedule`)).status).toBe(401)

    // An editor's real schedule exists, so a leak would have something to show.
    const editorSchedule = await schedule(
      'pages',
      seeded.id,
      { type: 'unpublish', at },
      editorToken,
    )
    expect(editorSchedule.status).toBe(201)

    const list = await request(server.url, '/api/payload-jobs')
    expect(list.status).toBe(403)
    expect(list.body.docs).toBeUndefined()
    expect(list.text).not.toContain('schedulePublish')
    const detail = await request(server.url, `/api/payload-jobs/${editorSchedule.body.job.id}`)
    expect(detail.status).toBe(403)
    expect(detail.text).not.toContain('schedulePublish')

    const created = await request(server.url, '/api/payload-jobs', {
      method: 'POST',
      json: {
        taskSlug: 'schedulePublish',
        input: { type: 'unpublish', doc: { relationTo: 'pages', value: String(seeded.id) } },
      },
    })
    expect(created.status).toBe(403)
    expect((await request(server.url, '/api/payload-jobs/run')).status).toBe(401)

    const gql = await graphql(server.url, '{ PayloadJobs { docs { id taskSlug input } } }')
    expect(gql.body.data?.PayloadJobs ?? null).toBeNull()
    expect(gql.text).not.toContain('schedulePublish')

    // Editors schedule through the document endpoints, not the jobs collection.
    expect((await request(server.url, '/api/payload-jobs', { token: editorToken })).status).toBe(
      403,
    )
    expect(
      (
        await request(server.url, '/api/payload-jobs', {
          method: 'POST',
          token: editorToken,
          json: { taskSlug: 'schedulePublish', input: { type: 'publish' } },
        })
      ).status,
    ).toBe(403)
    // Admins may inspect the queue.
    const adminList = await request(server.url, '/api/payload-jobs', { token: adminToken })
    expect(adminList.status).toBe(200)
    expect(adminList.body.docs.map((job: { id: number }) => job.id)).toContain(
      editorSchedule.body.job.id,
    )

    // The page is still published: nothing anonymous ran the job early.
    expect(await anonymousFindBySlug('pages', 'wat-is-koers-en-kansen')).toHaveLength(1)
  })
})
