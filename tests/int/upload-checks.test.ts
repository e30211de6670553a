import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { messages } from '../../src/i18n/messages'
import { type ApiResponse, postRaw, registerFirstAdmin, request } from '../helpers/api'
import { HTML_PAGE, makeElf, makePdf, makePhoto, SVG_WITH_SCRIPT } from '../helpers/files'
import { startServer, type TestServer } from '../helpers/server'
import { makePng } from '../helpers/upload'

/**
 * Uploads are checked by what the file is, not what it is called: a refusal is a 4xx in
 * Payload's error shape with a message an editor understands, and leaves nothing behind
 * on disk or in the database.
 */
let server: TestServer
let admin: string

beforeAll(async () => {
  server = await startServer({ MAX_UPLOAD_MB: '1' })
  admin = await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
})

/** A multipart upload posted with node:http, so an early answer to a too-large file is still read (see postRaw). */
const post = (collection: string, file: { data: Buffer; name: string; type: string }, data: Record<string, unknown>, language = 'nl'): Promise<ApiResponse> => {
  const boundary = `----grens${Date.now()}`
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify(data)}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return postRaw(server.url, `/api/${collection}?draft=true`, body, {
    'Content-Type': `multipart/form-data; boundary=${boundary}`,
    'Accept-Language': language,
    Authorization: `JWT ${admin}`,
  })
}

/** Every file under MEDIA_DIR, and how many documents each upload collection has (drafts too). */
const snapshot = async () => {
  const files = fs.existsSync(server.mediaDir)
    ? (fs.readdirSync(server.mediaDir, { recursive: true }) as string[]).filter((file) => fs.statSync(path.join(server.mediaDir, file)).isFile()).sort()
    : []
  const counts: Record<string, number> = {}
  for (const collection of ['documents', 'media', 'animations']) {
    counts[collection] = (await request(server.url, `/api/${collection}?limit=0&draft=true`, { token: admin })).body.totalDocs
  }
  return { files, counts }
}

/** The one message of a refused upload, from Payload's ValidationError shape. */
const fileMessage = (res: ApiResponse): string => {
  if (res.status >= 500 || res.status < 400) throw new Error(`expected a 4xx, got ${res.status}: ${res.text.slice(0, 300)}`)
  expect(res.text).not.toMatch(/\bat \w+ \(|stack/i)
  return res.body?.errors?.[0]?.data?.errors?.[0]?.message ?? res.body?.errors?.[0]?.message
}

const notAccepted = (labels: string) => messages.fileTypeNotAccepted.nl.replace('{accepted}', labels)

describe('refused uploads', () => {
  it('refuse files whose content is not what the collection takes, and leave nothing behind', async () => {
    const before = await snapshot()
    const cases: [string, { data: Buffer; name: string; type: string }, Record<string, unknown>, string][] = [
      ['documents', { data: makeElf(), name: 'rapport.pdf', type: 'application/pdf' }, { title: 'ELF', type: 'rapport' }, notAccepted('PDF, PNG, JPEG of WebP')],
      ['media', { data: HTML_PAGE, name: 'foto.png', type: 'image/png' }, { alt: 'HTML' }, notAccepted('JPEG, PNG, WebP, AVIF of GIF')],
      ['media', { data: SVG_WITH_SCRIPT, name: 'logo.svg', type: 'image/svg+xml' }, { alt: 'SVG' }, messages.svgNotAccepted.nl.replace('{accepted}', 'JPEG, PNG, WebP, AVIF of GIF')],
      ['documents', { data: Buffer.alloc(0), name: 'leeg.pdf', type: 'application/pdf' }, { title: 'Leeg', type: 'rapport' }, messages.fileEmpty.nl],
      ['media', { data: Buffer.alloc(0), name: 'leeg.png', type: 'image/png' }, { alt: 'Leeg' }, messages.fileEmpty.nl],
      ['animations', { data: makePdf(['Geen video']), name: 'film.mp4', type: 'video/mp4' }, { title: 'PDF' }, notAccepted('MP4 of WebM')],
      [
        'documents',
        { data: makePdf(['Echt een PDF']), name: 'plaatje.png', type: 'image/png' },
        { title: 'PDF als PNG', type: 'infographic' },
        messages.fileTypeMismatch.nl.replace('{claimed}', 'PNG').replace('{actual}', 'PDF'),
      ],
      [
        'media',
        { data: await makePng(1), name: 'foto.jpg', type: 'image/jpeg' },
        { alt: 'PNG als JPEG' },
        messages.fileTypeMismatch.nl.replace('{claimed}', 'JPEG').replace('{actual}', 'PNG'),
      ],
    ]
    for (const [collection, file, data, expected] of cases) {
      const res = await post(collection, file, data)
      expect([collection, file.name, res.status, fileMessage(res)]).toEqual([collection, file.name, 400, expected])
    }
    expect(await snapshot()).toEqual(before)
  })

  it('refuse a file over MAX_UPLOAD_MB with 413, before anything is written', async () => {
    const before = await snapshot()
    const big = Buffer.concat([makePdf(['Groot']), Buffer.alloc(2 * 1024 * 1024, 0x20)])
    const res = await post('documents', { data: big, name: 'groot.pdf', type: 'application/pdf' }, { title: 'Groot', type: 'rapport' })
    expect(res.status).toBe(413)
    expect(fileMessage(res)).toBe('Het bestand is te groot: maximaal 1,0 MB. / The file is too large: at most 1.0 MB.')
    expect(await snapshot()).toEqual(before)
  })

  it('speak English to an English client', async () => {
    const res = await post('documents', { data: makeElf(), name: 'rapport.pdf', type: 'application/pdf' }, { title: 'ELF', type: 'rapport' }, 'en')
    expect(fileMessage(res)).toBe(messages.fileTypeNotAccepted.en.replace('{accepted}', 'PDF, PNG, JPEG or WebP'))
  })
})

describe('accepted uploads', () => {
  it('take real files whose name says nothing, and store their real type', async () => {
    const before = await snapshot()
    const pdf = await post('documents', { data: makePdf(['Een', 'Twee']), name: 'rapport', type: 'application/octet-stream' }, { title: 'Zonder extensie', type: 'rapport' })
    expect(pdf.status).toBe(201)
    expect(pdf.body.doc.mimeType).toBe('application/pdf')
    expect(pdf.body.doc.filename).toBe('rapport.pdf')
    const photo = await post('media', { data: await makePhoto('jpeg'), name: 'IMG_0001.JPEG', type: 'image/jpeg' }, { alt: 'Foto' })
    expect(photo.status).toBe(201)
    const after = await snapshot()
    expect(after.counts).toEqual({ ...before.counts, documents: before.counts.documents! + 1, media: before.counts.media! + 1 })
    // Exactly the files the two records name: the PDF, the photo and its sizes (sizes that
    // come out the same, such as card and hero of a narrow photo, share one file).
    const named = new Set([
      path.join('documents', pdf.body.doc.filename),
      path.join('images', photo.body.doc.filename),
      ...Object.values(photo.body.doc.sizes as Record<string, { filename: string }>).map((size) => path.join('images', size.filename)),
    ])
    expect(after.files.filter((file) => !before.files.includes(file))).toEqual([...named].sort())
  })
})
