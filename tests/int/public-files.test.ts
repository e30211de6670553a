import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'

import { registerFirstAdmin, request } from '../helpers/api'
import { waitFor } from '../helpers/cluster'
import { makePdf, rawGet } from '../helpers/files'
import { startServer, type TestServer } from '../helpers/server'
import { upload } from '../helpers/upload'

/**
 * Public files answered before express (src/http/publicFiles.ts): what a route answered
 * the public is answered again from memory, and never after the file stopped being
 * public or changed — in this process or another one on the same database and files.
 *
 * How a test sees memory: the file is taken away from the disk behind Payload's back.
 * An answer that still comes is from memory; the route itself would say 404.
 */

/** Small files in memory up to 128 KB, 1 MB for all of them. */
const MEMORY = { FILE_MEMORY_MAX_KB: '128', FILE_MEMORY_MAX_MB: '1' }

let first: TestServer
let second: TestServer
let admin: string

/** A valid PDF of about `kb` kilobytes (one page of filler text). */
const pdfOf = (label: string, kb = 1) =>
  makePdf([label, ...(kb > 1 ? ['x'.repeat(kb * 1024)] : [])])

type Doc = { id: number; slug: string; filename: string; bytes: Buffer }

const publish = async (title: string, bytes: Buffer, name = 'bestand.pdf'): Promise<Doc> => {
  const created = await upload(
    first.url,
    'documents',
    { data: bytes, name, type: 'application/pdf' },
    { title, type: 'factsheet', _status: 'published' },
    admin,
  )
  if (created.status !== 201) throw new Error(`upload failed: ${created.status} ${created.text}`)
  const { id, slug, filename } = created.body.doc
  return { id, slug, filename, bytes }
}

const diskPath = (doc: Doc) => path.join(first.mediaDir, 'documents', doc.filename)

/** Runs `check` while the file is gone from the disk, then puts it back. */
const withoutDisk = async <T>(docs: Doc[], check: () => Promise<T>): Promise<T> => {
  const kept = docs.map((doc) => [diskPath(doc), fs.readFileSync(diskPath(doc))] as const)
  for (const [file] of kept) fs.rmSync(file)
  try {
    return await check()
  } finally {
    for (const [file, bytes] of kept) fs.writeFileSync(file, bytes)
  }
}

const urlsOf = (doc: Doc) => [
  `/downloads/${doc.slug}`,
  `/downloads/${doc.slug}?inline=1`,
  `/api/documents/file/${encodeURIComponent(doc.filename)}`,
]

/** Asks every URL of `doc` on both processes until each answers from memory. */
const learn = async (doc: Doc, urls = urlsOf(doc), method = 'GET') => {
  await waitFor(`${doc.slug} in memory`, async () => {
    for (const node of [first, second])
      for (const url of urls) expect((await rawGet(node.url + url, {}, method)).status).toBe(200)
    // Small files are read into memory in the background after the route's answer.
    await new Promise((resolve) => setTimeout(resolve, 300))
    return withoutDisk([doc], async () => {
      for (const node of [first, second])
        for (const url of urls)
          if ((await rawGet(node.url + url, {}, method)).status !== 200) return false
      return true
    })
  })
}

const statusEverywhere = async (doc: Doc) => {
  const statuses: number[] = []
  for (const node of [first, second])
    for (const url of urlsOf(doc)) statuses.push((await rawGet(node.url + url)).status)
  return statuses
}

const documentCount = async (doc: Doc): Promise<number> =>
  (await request(first.url, `/api/documents/${doc.id}?depth=0&draft=true`, { token: admin })).body
    .downloadCount

beforeAll(async () => {
  first = await startServer(MEMORY)
  // A second process on the same database and files, as a scaled-out deployment runs it.
  second = await startServer(
    { ...MEMORY, SEED_ON_START: 'false', JOBS_AUTORUN: 'false', MEDIA_DIR: first.mediaDir },
    { databaseUri: first.databaseUri },
  )
  admin = await registerFirstAdmin(first.url)
})

afterAll(async () => {
  await second?.stop()
  await first?.stop()
})

const withoutDate = (headers: Record<string, unknown>) => {
  const { date: _date, ...rest } = headers
  return rest
}

describe('public files from memory', () => {
  it('answers with the same bytes and every header of the route, for GET, HEAD and 304', async () => {
    const doc = await publish('Geheugenfactsheet', pdfOf('Geheugen'))
    // The route's answers: asked all at once, before anything is remembered.
    const ask = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
      rawGet(first.url + url, headers, method)
    const fromRoute = await Promise.all(
      urlsOf(doc).map(async (url) => {
        const [get, head] = await Promise.all([ask(url), ask(url, {}, 'HEAD')])
        const [byEtag, byDate] = await Promise.all([
          ask(url, { 'If-None-Match': get.headers.etag! }),
          ask(url, { 'If-Modified-Since': get.headers['last-modified']! }),
        ])
        return { url, get, head, byEtag, byDate }
      }),
    )
    await learn(doc)
    await withoutDisk([doc], async () => {
      for (const route of fromRoute) {
        const { url, get } = route
        expect([url, get.status, get.body.equals(doc.bytes)]).toEqual([url, 200, true])
        const fast = await ask(url)
        expect(fast.body.equals(doc.bytes)).toBe(true)
        expect(withoutDate(fast.headers)).toEqual(withoutDate(get.headers))
        const head = await ask(url, {}, 'HEAD')
        expect([head.status, head.body.length]).toEqual([200, 0])
        expect(withoutDate(head.headers)).toEqual(withoutDate(route.head.headers))
        const byEtag = await ask(url, { 'If-None-Match': get.headers.etag! })
        const byDate = await ask(url, { 'If-Modified-Since': get.headers['last-modified']! })
        expect([byEtag.status, byDate.status]).toEqual([304, 304])
        expect(withoutDate(byEtag.headers)).toEqual(withoutDate(route.byEtag.headers))
        expect(withoutDate(byDate.headers)).toEqual(withoutDate(route.byDate.headers))
      }
    })
    // Ranges stay with the route (here: from the disk, which has the file again).
    for (const url of urlsOf(doc)) {
      const part = await ask(url, { Range: 'bytes=10-19' })
      expect([part.status, part.body.equals(doc.bytes.subarray(10, 20))]).toEqual([206, true])
    }
  })

  it('never answers from memory after a file is unpublished, in either process', async () => {
    const doc = await publish('Wordt ingetrokken', pdfOf('Ingetrokken'))
    await learn(doc)
    const saved = await request(second.url, `/api/documents/${doc.id}`, {
      method: 'PATCH',
      token: admin,
      json: { _status: 'draft' },
    })
    expect(saved.status).toBe(200)
    expect(await statusEverywhere(doc)).toEqual([404, 404, 404, 404, 404, 404])
    // Published again: public again (from the route first).
    await request(first.url, `/api/documents/${doc.id}`, {
      method: 'PATCH',
      token: admin,
      json: { _status: 'published' },
    })
    expect(await statusEverywhere(doc)).toEqual([200, 200, 200, 200, 200, 200])
  })

  it('never answers the old bytes after the file is replaced, in either process', async () => {
    const doc = await publish('Wordt vervangen', pdfOf('Oude versie'), 'vervangen.pdf')
    await learn(doc)
    const replacement = pdfOf('Nieuwe versie, langer dan de oude')
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(replacement)], { type: 'application/pdf' }), 'vervangen.pdf')
    form.append('_payload', JSON.stringify({ _status: 'published' }))
    const saved = await request(first.url, `/api/documents/${doc.id}`, {
      method: 'PATCH',
      body: form,
      token: admin,
    })
    expect(saved.status).toBe(200)
    const replaced = { ...doc, filename: saved.body.doc.filename, bytes: replacement }
    for (const node of [second, first]) {
      for (const url of urlsOf(replaced)) {
        const res = await rawGet(node.url + url)
        expect([url, res.status, res.body.equals(replacement)]).toEqual([url, 200, true])
      }
      if (replaced.filename !== doc.filename)
        expect((await rawGet(`${node.url}${urlsOf(doc)[2]}`)).status).toBe(404)
    }
  })

  it('never answers from memory after the document is deleted, in either process', async () => {
    const doc = await publish('Wordt verwijderd', pdfOf('Verwijderd'))
    // Downloaded (GET, counted) and HEAD: a document with download statistics is deleted
    // with them; HEAD answers are remembered too.
    const [download, inline, fileUrl] = urlsOf(doc)
    await learn(doc, [fileUrl!, download!])
    await learn(doc, [download!, inline!], 'HEAD')
    // Let the counted download be written (batched every half second), so it is deleted too.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(await documentCount(doc)).toBeGreaterThan(0)
    const deleted = await request(second.url, `/api/documents/${doc.id}`, {
      method: 'DELETE',
      token: admin,
    })
    expect(deleted.status).toBe(200)
    const stats = await request(first.url, `/api/downloadStats?where[document][equals]=${doc.id}`, {
      token: admin,
    })
    expect([stats.status, stats.body.totalDocs]).toEqual([200, 0])
    expect(await statusEverywhere(doc)).toEqual([404, 404, 404, 404, 404, 404])
    for (const node of [first, second])
      for (const url of [download!, inline!])
        expect((await rawGet(node.url + url, {}, 'HEAD')).status).toBe(404)
  })

  it('counts complete anonymous downloads answered from memory exactly as the route does', async () => {
    const doc = await publish('Geteld uit het geheugen', pdfOf('Tellen'))
    await learn(doc)
    // Let the downloads above be written (batched every half second).
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const before = await documentCount(doc)
    const url = `/downloads/${doc.slug}`
    await Promise.all(Array.from({ length: 10 }, () => rawGet(first.url + url)))
    await Promise.all(Array.from({ length: 5 }, () => rawGet(second.url + url)))
    // Not downloads: HEAD, revalidations, partial ranges, an editor.
    const { headers } = await rawGet(first.url + url, {}, 'HEAD')
    await rawGet(first.url + url, { 'If-None-Match': headers.etag! })
    await rawGet(second.url + url, { 'If-Modified-Since': headers['last-modified']! })
    await rawGet(first.url + url, { Range: 'bytes=0-1' })
    await rawGet(first.url + url, { Authorization: `JWT ${admin}` })
    // Nor the Payload file URL (as on the route).
    await rawGet(first.url + urlsOf(doc)[2])
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await documentCount(doc)).toBe(before + 15)
  })

  it('keeps small files within the memory budget and streams larger ones', async () => {
    // 15 files of about 100 KB (1.5 MB) against a budget of 1 MB.
    const docs: Doc[] = []
    for (let i = 0; i < 15; i++) docs.push(await publish(`Budget ${i}`, pdfOf(`Budget ${i}`, 100)))
    for (const doc of docs) {
      const url = `/downloads/${doc.slug}`
      expect((await rawGet(first.url + url)).status).toBe(200)
    }
    // Let the background reads finish.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const fromMemory = await withoutDisk(docs, async () => {
      let count = 0
      for (const doc of docs) {
        const res = await rawGet(`${first.url}/downloads/${doc.slug}`)
        if (res.status === 200) {
          expect(res.body.equals(doc.bytes)).toBe(true)
          count += 1
        } else expect(res.status).toBe(404)
      }
      return count
    })
    const perFile = docs[0]!.bytes.length + 1024
    expect(fromMemory).toBeGreaterThan(0)
    expect(fromMemory).toBeLessThanOrEqual(Math.floor((1024 * 1024) / perFile))

    // Above FILE_MEMORY_MAX_KB: headers are known, the bytes always come from the disk.
    const large = await publish('Groot bestand', pdfOf('Groot', 200))
    const url = `/downloads/${large.slug}`
    const full = await rawGet(first.url + url)
    expect(full.body.equals(large.bytes)).toBe(true)
    const again = await rawGet(first.url + url)
    expect([again.status, again.body.equals(large.bytes)]).toEqual([200, true])
    const gone = await withoutDisk([large], async () => ({
      get: (await rawGet(first.url + url)).status,
      // 304 and HEAD need no bytes.
      head: (await rawGet(first.url + url, {}, 'HEAD')).status,
      revalidated: (await rawGet(first.url + url, { 'If-None-Match': full.headers.etag! })).status,
    }))
    expect(gone).toEqual({ get: 404, head: 200, revalidated: 304 })
  })
})
