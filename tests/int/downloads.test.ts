import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { registerFirstAdmin, request } from '../helpers/api'
import { makePdf, rawGet } from '../helpers/files'
import { startServer, type TestServer } from '../helpers/server'
import { upload } from '../helpers/upload'

let server: TestServer
let admin: string

/** A published factsheet with a title that is not plain ASCII, and its exact bytes. */
const TITLE = 'Factsheet één: ‘Koers’ & kansen'
const FILENAME = 'Factsheet één - ‘Koers’ & kansen.pdf'
const pdf = makePdf(['Koers en kansen', 'Pagina twee', 'Pagina drie'])
let slug: string
let docId: number | string

const documentBySlug = async (wanted: string, locale = 'nl') => {
  const res = await request(server.url, `/api/documents?where[slug][equals]=${wanted}&depth=0&draft=true&locale=${locale}`, {
    token: admin,
  })
  return res.body.docs[0]
}

/** The counter is written after the response has gone out: wait until it reaches `expected` (or give up). */
const countSettles = async (expected: number): Promise<number> => {
  let count = -1
  for (let i = 0; i < 40; i++) {
    count = (await documentBySlug(slug)).downloadCount
    if (count >= expected) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  // A little longer, so a count that would overshoot has time to show it.
  await new Promise((resolve) => setTimeout(resolve, 200))
  return (await documentBySlug(slug)).downloadCount
}

beforeAll(async () => {
  server = await startServer()
  admin = await registerFirstAdmin(server.url)
  const created = await upload(
    server.url,
    'documents',
    { data: pdf, name: 'factsheet.pdf', type: 'application/pdf' },
    { title: TITLE, type: 'factsheet', _status: 'published' },
    admin,
  )
  if (created.status !== 201) throw new Error(`upload failed: ${created.status} ${created.text}`)
  slug = created.body.doc.slug
  docId = created.body.doc.id
})

afterAll(async () => {
  await server?.stop()
})

describe('GET /downloads/<slug>', () => {
  it('sends the exact file with every header a browser and a CDN need', async () => {
    const res = await rawGet(`${server.url}/downloads/${slug}`)
    expect(res.status).toBe(200)
    expect(res.body.equals(pdf)).toBe(true)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-length']).toBe(String(pdf.length))
    expect(res.headers['accept-ranges']).toBe('bytes')
    expect(res.headers['etag']).toMatch(/^(W\/)?"[^"]+"$/)
    expect(new Date(res.headers['last-modified']!).getTime()).not.toBeNaN()
    expect(res.headers['cache-control']).toBe('public, max-age=300, must-revalidate')
    // RFC 6266: an ASCII fallback plus the exact UTF-8 name.
    const disposition = res.headers['content-disposition']!
    expect(disposition).toMatch(/^attachment; filename="Factsheet een - _Koers_ & kansen\.pdf"; filename\*=UTF-8''/)
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(FILENAME)
  })

  it('serves the file for display with ?inline=1', async () => {
    const res = await rawGet(`${server.url}/downloads/${slug}?inline=1`)
    expect(res.status).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="/)
    expect(res.body.equals(pdf)).toBe(true)
  })

  it('answers HEAD with the same headers and no body', async () => {
    const get = await rawGet(`${server.url}/downloads/${slug}`)
    const head = await rawGet(`${server.url}/downloads/${slug}`, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    for (const name of ['content-type', 'content-length', 'content-disposition', 'etag', 'last-modified', 'cache-control']) {
      expect(head.headers[name]).toBe(get.headers[name])
    }
  })

  it('answers a revalidation with 304, by ETag and by date', async () => {
    const first = await rawGet(`${server.url}/downloads/${slug}`)
    const byEtag = await rawGet(`${server.url}/downloads/${slug}`, { 'If-None-Match': first.headers.etag! })
    expect(byEtag.status).toBe(304)
    expect(byEtag.body.length).toBe(0)
    expect(byEtag.headers.etag).toBe(first.headers.etag)
    const byDate = await rawGet(`${server.url}/downloads/${slug}`, { 'If-Modified-Since': first.headers['last-modified']! })
    expect(byDate.status).toBe(304)
    const changed = await rawGet(`${server.url}/downloads/${slug}`, { 'If-None-Match': '"iets-anders"' })
    expect(changed.status).toBe(200)
  })

  it('serves byte ranges (206) and refuses impossible ones (416)', async () => {
    const part = await rawGet(`${server.url}/downloads/${slug}`, { Range: 'bytes=100-199' })
    expect(part.status).toBe(206)
    expect(part.headers['content-range']).toBe(`bytes 100-199/${pdf.length}`)
    expect(part.headers['content-length']).toBe('100')
    expect(part.body.equals(pdf.subarray(100, 200))).toBe(true)
    const tail = await rawGet(`${server.url}/downloads/${slug}`, { Range: 'bytes=-10' })
    expect(tail.body.equals(pdf.subarray(pdf.length - 10))).toBe(true)
    const impossible = await rawGet(`${server.url}/downloads/${slug}`, { Range: `bytes=${pdf.length + 10}-` })
    expect(impossible.status).toBe(416)
    expect(impossible.headers['content-range']).toBe(`bytes */${pdf.length}`)
  })

  it('gives the API record what a download link needs', async () => {
    const doc = await documentBySlug(slug)
    expect(doc.downloadUrl).toBe(`/downloads/${slug}`)
    expect(doc.filesize).toBe(pdf.length)
    expect(doc.fileTypeLabel).toBe('PDF')
    const kb = pdf.length / 1024
    expect(doc.fileSizeLabel).toBe(`${kb.toFixed(1).replace('.', ',')} kB`)
    expect((await documentBySlug(slug, 'en')).fileSizeLabel).toBe(`${kb.toFixed(1)} kB`)
  })

  it('answers 404 in the API error shape for an unknown slug, also on HEAD', async () => {
    const res = await request(server.url, '/downloads/bestaat-niet')
    expect(res.status).toBe(404)
    expect(res.body.errors[0].message).toBe('Document niet gevonden.')
    expect((await rawGet(`${server.url}/downloads/bestaat-niet`, {}, 'HEAD')).status).toBe(404)
  })
})

describe('download statistics', () => {
  it('counts only complete anonymous downloads, atomically, per day', async () => {
    // Counts are written in batches every half second: let earlier tests' downloads land.
    await new Promise((resolve) => setTimeout(resolve, 800))
    const before = (await documentBySlug(slug)).downloadCount
    // Twenty at once: read-modify-write would lose some of these.
    await Promise.all(Array.from({ length: 20 }, () => rawGet(`${server.url}/downloads/${slug}`)))
    // Not downloads: HEAD, a revalidation, a partial range, an editor's own look.
    const { headers } = await rawGet(`${server.url}/downloads/${slug}`, {}, 'HEAD')
    await rawGet(`${server.url}/downloads/${slug}`, { 'If-None-Match': headers.etag! })
    await rawGet(`${server.url}/downloads/${slug}`, { Range: 'bytes=0-1' })
    await rawGet(`${server.url}/downloads/${slug}`, { Range: 'bytes=100-' })
    await rawGet(`${server.url}/downloads/${slug}`, { Authorization: `JWT ${admin}` })
    // A range for the whole file is a whole download.
    await rawGet(`${server.url}/downloads/${slug}`, { Range: 'bytes=0-' })
    expect(await countSettles(before + 21)).toBe(before + 21)

    const stats = await request(server.url, `/api/downloadStats?where[document][equals]=${docId}&depth=0`, { token: admin })
    expect(stats.status).toBe(200)
    expect(stats.body.docs).toHaveLength(1)
    const [row] = stats.body.docs
    expect(row.count).toBe(before + 21)
    expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // Nothing about the visitor: only these columns exist.
    expect(Object.keys(row).sort()).toEqual(['count', 'createdAt', 'day', 'document', 'id', 'updatedAt'])
  })

  it('keeps the statistics from the public and from editors', async () => {
    expect((await request(server.url, '/api/downloadStats')).status).toBe(403)
    const graph = await request(server.url, '/api/graphql', {
      method: 'POST',
      json: { query: '{ DownloadStats { docs { count } } }' },
    })
    expect(graph.body.data?.DownloadStats ?? null).toBeNull()
  })

  it('keeps the download count when an editor publishes a new version', async () => {
    const counted = (await documentBySlug(slug)).downloadCount
    const saved = await request(server.url, `/api/documents/${docId}`, {
      method: 'PATCH',
      token: admin,
      json: { description: 'Nieuwe omschrijving', downloadCount: 0, _status: 'published' },
    })
    expect(saved.status).toBe(200)
    expect((await documentBySlug(slug)).downloadCount).toBe(counted)
  })
})

describe('unpublished documents', () => {
  it('are a 404 for the public on every URL that could serve their bytes, and there for editors', async () => {
    const created = await upload(
      server.url,
      'documents',
      { data: makePdf(['Concept']), name: 'concept.pdf', type: 'application/pdf' },
      { title: 'Conceptrapport', type: 'rapport', _status: 'draft' },
      admin,
      '?draft=true',
    )
    expect(created.status).toBe(201)
    const { slug: draftSlug, filename } = created.body.doc
    const urls = [`/downloads/${draftSlug}`, `/downloads/${draftSlug}?inline=1`, `/api/documents/file/${filename}`]
    for (const url of urls) {
      for (const method of ['GET', 'HEAD']) {
        const res = await rawGet(`${server.url}${url}`, {}, method)
        expect([url, method, res.status]).toEqual([url, method, 404])
      }
      const editor = await rawGet(`${server.url}${url}`, { Authorization: `JWT ${admin}` })
      expect([url, editor.status]).toEqual([url, 200])
      expect(editor.headers['cache-control']).toBe('private, no-store')
    }
  })
})

describe('caption files', () => {
  it('serve the animation captions as WebVTT with validators', async () => {
    const list = await request(server.url, '/api/animations?where[slug][equals]=animatie-koers-en-kansen&depth=0')
    const track = list.body.docs[0].captions[0]
    expect(track.url).toBe('/captions/animatie-koers-en-kansen/nl.vtt')
    const res = await rawGet(`${server.url}${track.url}`)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/vtt; charset=utf-8')
    expect(res.body.toString('utf8')).toBe(track.vtt)
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(track.vtt)))
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['cache-control']).toBe('public, max-age=300, must-revalidate')
    expect((await rawGet(`${server.url}${track.url}`, { 'If-None-Match': res.headers.etag! })).status).toBe(304)
    expect((await rawGet(`${server.url}${track.url}`, { 'If-Modified-Since': res.headers['last-modified']! })).status).toBe(304)
    const head = await rawGet(`${server.url}${track.url}`, {}, 'HEAD')
    expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, res.headers['content-length']])
  })

  it('have no track for a language that was not uploaded', async () => {
    const res = await request(server.url, '/captions/animatie-koers-en-kansen/en.vtt')
    expect(res.status).toBe(404)
  })
})
