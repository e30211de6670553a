import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { registerFirstAdmin, request } from '../helpers/api'
import { makePdf } from '../helpers/files'
import { startServer, type TestServer } from '../helpers/server'
import { upload } from '../helpers/upload'

/** Issue 9, item 5: `publishedAt` is filled on first publish for documents too (its help text says so). */

let server: TestServer
let token: string

beforeAll(async () => {
  server = await startServer({ SEED_ON_START: 'false' })
  token = await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
})

describe('publishedAt', () => {
  it('is set when a document is first published and kept on republish', async () => {
    const pdf = { data: makePdf(['Rapport']), name: 'rapport.pdf', type: 'application/pdf' }
    const draft = await upload(
      server.url,
      'documents',
      pdf,
      { title: 'Rapport', type: 'rapport', _status: 'draft' },
      token,
      '?draft=true',
    )
    expect(draft.status).toBe(201)
    expect(draft.body.doc.publishedAt ?? null).toBeNull()
    const id = draft.body.doc.id
    const before = Date.now()
    const published = await request(server.url, `/api/documents/${id}`, {
      method: 'PATCH',
      token,
      json: { _status: 'published' },
    })
    expect(published.status).toBe(200)
    const first = published.body.doc.publishedAt as string
    expect(new Date(first).getTime()).toBeGreaterThanOrEqual(before - 1000)
    const again = await request(server.url, `/api/documents/${id}`, {
      method: 'PATCH',
      token,
      json: { description: 'Bijgewerkt' },
    })
    expect(again.status).toBe(200)
    expect(again.body.doc.publishedAt).toBe(first)
  })
})
