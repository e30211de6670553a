import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { login, registerFirstAdmin, request, type ApiResponse } from '../helpers/api'
import { makePdf } from '../helpers/files'
import { startS3, type TestS3 } from '../helpers/s3'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 1 over REST: a refused save never loses a stored file. Payload 3.90.2
 * deletes a document's files before validation when a new file comes in; the project
 * stores files through the cloud-storage plugin instead and removes replaced files only
 * after the commit (src/storage/keepFiles.ts). Checked on local disk and in S3 (s3rver).
 * Also: a draft of a published document that brings a new file never changes what the
 * public downloads before it is published, whatever the new file's name.
 */

const EDITOR = { email: 'redacteur.rest-bestanden@example.test', password: 'Test-wachtwoord-7' }

const png = (width: number, colour: string) =>
  sharp({ create: { width, height: Math.round(width * 0.6), channels: 3, background: colour } })
    .png()
    .toBuffer()

/** Multipart create or update, the way the admin sends a file with the other fields. */
const send = (
  server: TestServer,
  method: 'POST' | 'PATCH',
  path: string,
  file: { data: Buffer; name: string; type: string } | null,
  data: Record<string, unknown>,
  token: string,
): Promise<ApiResponse> => {
  const form = new FormData()
  if (file)
    form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
  form.append('_payload', JSON.stringify(data))
  return request(server.url, path, { method, body: form, token })
}

type Served = { filename: string; statuses: Record<string, number> }

const served = async (
  server: TestServer,
  collection: string,
  id: number,
  token: string,
): Promise<Served> => {
  const doc = await request(server.url, `/api/${collection}/${id}?draft=true&depth=0`, { token })
  expect(doc.status).toBe(200)
  const sizes = Object.values((doc.body.sizes ?? {}) as Record<string, { url?: string | null }>)
  const urls = [doc.body.url as string, ...sizes.map((size) => size?.url)].filter(
    (url): url is string => typeof url === 'string' && url !== '',
  )
  const statuses: Record<string, number> = {}
  for (const url of urls) {
    const res = await fetch(new URL(url, server.url), {
      headers: { Authorization: `JWT ${token}` },
    })
    await res.arrayBuffer()
    statuses[new URL(url, server.url).pathname] = res.status
  }
  return { filename: doc.body.filename, statuses }
}

const allServed = (result: Served) =>
  Object.values(result.statuses).every((status) => status === 200)

describe.each(['local disk', 's3'] as const)('no lost files (%s)', (store) => {
  let server: TestServer
  let s3: TestS3 | undefined
  let token: string

  beforeAll(async () => {
    if (store === 's3') s3 = await startS3()
    server = await startServer({ SEED_ON_START: 'false', ...(s3?.env ?? {}) })
    const adminToken = await registerFirstAdmin(server.url)
    const created = await request(server.url, '/api/users', {
      method: 'POST',
      token: adminToken,
      json: { ...EDITOR, name: 'Redacteur REST', roles: ['editor'] },
    })
    expect(created.status).toBe(201)
    token = await login(server.url, EDITOR.email, EDITOR.password)
  })

  afterAll(async () => {
    await server?.stop()
    await s3?.stop()
  })

  it('keeps an infographic and its sizes through a refused publish, and keeps its name when re-sent', async () => {
    const file = { data: await png(900, '#1f6f8b'), name: 'kaart.png', type: 'image/png' }
    const created = await send(
      server,
      'POST',
      '/api/documents?draft=true',
      file,
      {
        title: 'Kaart van de regio',
        type: 'infographic',
        _status: 'draft',
      },
      token,
    )
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number
    const before = await served(server, 'documents', id, token)
    expect(before.filename).toBe('kaart.png')
    expect(Object.keys(before.statuses).length).toBeGreaterThan(1)
    expect(allServed(before)).toBe(true)

    // Publish with the file re-sent, without a text alternative: refused by the guardrail.
    const refused = await send(
      server,
      'PATCH',
      `/api/documents/${id}`,
      file,
      { _status: 'published' },
      token,
    )
    expect(refused.status).toBe(400)
    expect(await served(server, 'documents', id, token)).toEqual(before)

    // Re-sent once more with the fix: published, under the same name, everything served.
    const published = await send(
      server,
      'PATCH',
      `/api/documents/${id}`,
      file,
      {
        _status: 'published',
        textAlternative: {
          root: {
            type: 'root',
            version: 1,
            direction: 'ltr',
            format: '',
            indent: 0,
            children: [
              {
                type: 'paragraph',
                version: 1,
                direction: 'ltr',
                format: '',
                indent: 0,
                textFormat: 0,
                textStyle: '',
                children: [
                  {
                    type: 'text',
                    version: 1,
                    detail: 0,
                    format: 0,
                    mode: 'normal',
                    style: '',
                    text: 'De kaart toont vier regio’s.',
                  },
                ],
              },
            ],
          },
        },
      },
      token,
    )
    expect(published.status).toBe(200)
    expect(published.body.doc.filename).toBe('kaart.png')
    expect(await served(server, 'documents', id, token)).toEqual(before)
    const download = await fetch(`${server.url}/downloads/${published.body.doc.slug}`)
    expect(download.status).toBe(200)
  })

  it('keeps a factsheet PDF through a refused replacement, and under its name when re-sent', async () => {
    const pdf = {
      data: makePdf(['Factsheet']),
      name: 'factsheet-2026.pdf',
      type: 'application/pdf',
    }
    const created = await send(
      server,
      'POST',
      '/api/documents?draft=true',
      pdf,
      { title: 'Factsheet 2026', type: 'factsheet', _status: 'draft' },
      token,
    )
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number
    const before = await served(server, 'documents', id, token)
    expect(allServed(before)).toBe(true)

    // An image instead of the PDF: a factsheet must be a PDF (refused in a hook, after
    // the point where Payload would have deleted the PDF).
    const image = { data: await png(600, '#884422'), name: 'factsheet-2026.png', type: 'image/png' }
    const refused = await send(
      server,
      'PATCH',
      `/api/documents/${id}?draft=true`,
      image,
      { _status: 'draft' },
      token,
    )
    expect(refused.status).toBe(400)
    expect(await served(server, 'documents', id, token)).toEqual(before)

    const again = await send(
      server,
      'PATCH',
      `/api/documents/${id}?draft=true`,
      pdf,
      { _status: 'draft' },
      token,
    )
    expect(again.status).toBe(200)
    expect(again.body.doc.filename).toBe('factsheet-2026.pdf')
    expect(await served(server, 'documents', id, token)).toEqual(before)
  })

  it('removes the files an image replaced only once the replacement is saved', async () => {
    const created = await send(
      server,
      'POST',
      '/api/media',
      { data: await png(1000, '#c85028'), name: 'oud.png', type: 'image/png' },
      { alt: 'Oud' },
      token,
    )
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number
    const before = await served(server, 'media', id, token)
    expect(allServed(before)).toBe(true)

    const replacement = { data: await png(1000, '#28c850'), name: 'nieuw.png', type: 'image/png' }
    const replaced = await send(
      server,
      'PATCH',
      `/api/media/${id}`,
      replacement,
      { alt: 'Nieuw' },
      token,
    )
    expect(replaced.status).toBe(200)
    const after = await served(server, 'media', id, token)
    expect(after.filename).toBe('nieuw.png')
    expect(allServed(after)).toBe(true)
    // The old files are gone (after the commit), nothing else was removed.
    for (const url of Object.keys(before.statuses)) {
      const res = await fetch(new URL(url, server.url), {
        headers: { Authorization: `JWT ${token}` },
      })
      await res.arrayBuffer()
      expect(res.status).toBe(404)
    }
  })

  it.each([
    ['another name', 'jaarcijfers-2027.pdf'],
    ['the same name', 'jaarcijfers.pdf'],
  ])(
    'leaves the public the published file while a draft holds a new one with %s, until it is published',
    async (_case, draftName) => {
      const slug = `jaarcijfers-${draftName.length}-${Date.now()}`
      const published = makePdf(['Jaarcijfers 2026'])
      const created = await send(
        server,
        'POST',
        '/api/documents',
        { data: published, name: 'jaarcijfers.pdf', type: 'application/pdf' },
        { title: 'Jaarcijfers', slug, type: 'factsheet', _status: 'published' },
        token,
      )
      expect(created.status).toBe(201)
      const id = created.body.doc.id as number
      const download = async () => {
        const res = await fetch(`${server.url}/downloads/${slug}`)
        return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) }
      }
      const publicFile = async () => {
        const doc = await request(server.url, `/api/documents/${id}?depth=0`)
        const res = await fetch(new URL(doc.body.url, server.url))
        return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) }
      }
      expect(await download()).toEqual({ status: 200, bytes: published })

      // The editor uploads next year's file into the draft (autosave): the public keeps 2026.
      const draft = makePdf(['Jaarcijfers 2027, concept'])
      const saved = await send(
        server,
        'PATCH',
        `/api/documents/${id}?draft=true&autosave=true`,
        { data: draft, name: draftName, type: 'application/pdf' },
        { _status: 'draft' },
        token,
      )
      expect(saved.status).toBe(200)
      expect(await download()).toEqual({ status: 200, bytes: published })
      expect(await publicFile()).toEqual({ status: 200, bytes: published })

      // Published: the public gets 2027.
      const publish = await send(
        server,
        'PATCH',
        `/api/documents/${id}`,
        null,
        { _status: 'published' },
        token,
      )
      expect(publish.status).toBe(200)
      expect(await download()).toEqual({ status: 200, bytes: draft })
      expect(await publicFile()).toEqual({ status: 200, bytes: draft })
    },
  )

  it('keeps the name when a draft re-sends exactly the published file', async () => {
    const slug = `ongewijzigd-${Date.now()}`
    const pdf = makePdf(['Ongewijzigd'])
    const file = { data: pdf, name: 'ongewijzigd.pdf', type: 'application/pdf' }
    const created = await send(
      server,
      'POST',
      '/api/documents',
      file,
      { title: 'Ongewijzigd', slug, type: 'factsheet', _status: 'published' },
      token,
    )
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number
    const saved = await send(
      server,
      'PATCH',
      `/api/documents/${id}?draft=true&autosave=true`,
      file,
      { _status: 'draft' },
      token,
    )
    expect(saved.status).toBe(200)
    expect(saved.body.doc.filename).toBe('ongewijzigd.pdf')
    const res = await fetch(`${server.url}/downloads/${slug}`)
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true)
  })
})
