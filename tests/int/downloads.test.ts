import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import http from 'node:http'

import { registerFirstAdmin, request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let admin: string

const documentBySlug = async (slug: string, token?: string) => {
  const res = await request(server.url, `/api/documents?where[slug][equals]=${slug}&depth=0&draft=true`, { token })
  return res.body.docs[0]
}

const rawStatus = (url: string, headers: Record<string, string>): Promise<number> =>
  new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      .on('error', reject)
  })

beforeAll(async () => {
  server = await startServer()
  admin = await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
})

describe('document downloads by slug', () => {
  it('serves a published factsheet with a good file name and length', async () => {
    const doc = await documentBySlug('factsheet-koers-en-kansen')
    const res = await fetch(`${server.url}/downloads/factsheet-koers-en-kansen`)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="factsheet-koers-en-kansen.pdf"')
    expect(Number(res.headers.get('content-length'))).toBe(doc.filesize)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.toString('latin1')).toContain('Voorbeeldbestand')
    expect(res.headers.get('etag')).toBeTruthy()
  })

  it('answers HEAD, conditional and range requests', async () => {
    const first = await fetch(`${server.url}/downloads/de-toekomst-van-de-sanctie-uitvoering`)
    await first.arrayBuffer()
    const etag = first.headers.get('etag')!

    const head = await fetch(`${server.url}/downloads/de-toekomst-van-de-sanctie-uitvoering`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(first.headers.get('content-length'))

    // node:http, because fetch() adds `Cache-Control: no-cache` to conditional requests.
    const revalidated = await rawStatus(`${server.url}/downloads/de-toekomst-van-de-sanctie-uitvoering`, {
      'If-None-Match': etag,
    })
    expect(revalidated).toBe(304)

    const range = await fetch(`${server.url}/downloads/de-toekomst-van-de-sanctie-uitvoering`, {
      headers: { Range: 'bytes=0-4' },
    })
    expect(range.status).toBe(206)
    expect(Buffer.from(await range.arrayBuffer()).toString('latin1')).toBe('%PDF-')
  })

  it('counts full anonymous downloads, without personal data', async () => {
    const before = (await documentBySlug('infographic-koers-en-kansen')).downloadCount
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/downloads/infographic-koers-en-kansen`)
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="infographic-koers-en-kansen.png"')
      await res.arrayBuffer()
    }
    await fetch(`${server.url}/downloads/infographic-koers-en-kansen`, { method: 'HEAD' })
    // The counter is written after the response: poll briefly.
    let after = before
    for (let i = 0; i < 20 && after < before + 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      after = (await documentBySlug('infographic-koers-en-kansen')).downloadCount
    }
    expect(after).toBe(before + 3)
  })

  it('keeps the download count when an editor publishes a new version', async () => {
    const doc = await documentBySlug('factsheet-koers-en-kansen')
    await (await fetch(`${server.url}/downloads/factsheet-koers-en-kansen`)).arrayBuffer()
    let counted = doc.downloadCount
    for (let i = 0; i < 20 && counted === doc.downloadCount; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      counted = (await documentBySlug('factsheet-koers-en-kansen')).downloadCount
    }
    expect(counted).toBe(doc.downloadCount + 1)
    const saved = await request(server.url, `/api/documents/${doc.id}`, {
      method: 'PATCH',
      token: admin,
      json: { description: 'Nieuwe omschrijving', downloadCount: 0, _status: 'published' },
    })
    expect(saved.status).toBe(200)
    expect((await documentBySlug('factsheet-koers-en-kansen')).downloadCount).toBe(counted)
  })

  it('does not serve a draft document to the public, but does to an editor', async () => {
    // A real PDF: Payload checks uploads by content. Take the seeded sample's bytes.
    const pdf = await (await fetch(`${server.url}/downloads/factsheet-koers-en-kansen`)).arrayBuffer()
    const form = new FormData()
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'concept.pdf')
    form.append('_payload', JSON.stringify({ title: 'Conceptrapport', type: 'rapport', _status: 'draft' }))
    const created = await request(server.url, '/api/documents?draft=true', { method: 'POST', body: form, token: admin })
    expect(created.status).toBe(201)
    const slug = created.body.doc.slug
    expect(slug).toBe('conceptrapport')

    const anonymous = await request(server.url, `/downloads/${slug}`)
    expect(anonymous.status).toBe(404)
    expect(anonymous.body.errors[0].message).toBeTruthy()

    const editor = await fetch(`${server.url}/downloads/${slug}`, { headers: { Authorization: `JWT ${admin}` } })
    expect(editor.status).toBe(200)
    expect(editor.headers.get('cache-control')).toContain('no-store')
  })

  it('answers 404 in the API error shape for an unknown slug', async () => {
    const res = await request(server.url, '/downloads/bestaat-niet')
    expect(res.status).toBe(404)
    expect(Array.isArray(res.body.errors)).toBe(true)
  })
})

describe('caption files', () => {
  it('serves the animation captions as WebVTT and lists their URL', async () => {
    const list = await request(server.url, '/api/animations?where[slug][equals]=animatie-koers-en-kansen&depth=0')
    const track = list.body.docs[0].captions[0]
    expect(track.url).toBe('/captions/animatie-koers-en-kansen/nl.vtt')
    const res = await fetch(`${server.url}${track.url}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/vtt; charset=utf-8')
    expect(await res.text()).toMatch(/^WEBVTT/)
  })

  it('has no track for a language that was not uploaded', async () => {
    const res = await request(server.url, '/captions/animatie-koers-en-kansen/en.vtt')
    expect(res.status).toBe(404)
  })
})
