import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { registerFirstAdmin, request } from '../helpers/api'
import { exifOf, makePdf, makePhoto, rawGet, SVG_WITH_SCRIPT } from '../helpers/files'
import { startS3, type TestS3 } from '../helpers/s3'
import { startServer, type TestServer } from '../helpers/server'
import { upload } from '../helpers/upload'

/**
 * Uploads in object storage (S3_BUCKET) on one node, against a real S3-speaking server
 * (s3rver). Everything the local-disk tests check for delivery holds here too; this
 * file checks what is specific to the bucket. It runs once: on Postgres when the
 * Postgres project runs, else on SQLite (storage does not depend on the database).
 */
const runsHere = process.env.TEST_POSTGRES_URL ? process.env.TEST_DB === 'postgres' : true
const suite = runsHere ? describe : describe.skip
const root = path.resolve(import.meta.dirname, '../..')

let s3: TestS3
let server: TestServer
let admin: string

beforeAll(async () => {
  if (!runsHere) return
  s3 = await startS3()
  server = await startServer(s3.env)
  admin = await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
  await s3?.stop()
})

/** Every object key of one upload: its original and each image size. */
const keysOf = (folder: string, doc: { filename: string; sizes?: Record<string, { filename?: string | null }> }) =>
  [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size.filename)]
    .filter((name): name is string => Boolean(name))
    .map((name) => `${folder}/${name}`)
    .sort()

suite('uploads in object storage', () => {
  let photo: any

  it('stores an image, its sizes and their WebP twins in the bucket, without EXIF/GPS', async () => {
    const res = await upload(
      server.url,
      'media',
      { data: await makePhoto('jpeg'), name: 'foto-bucket.jpg', type: 'image/jpeg' },
      { alt: 'Een foto in de bucket' },
      admin,
    )
    expect(res.status).toBe(201)
    photo = res.body.doc
    const keys = keysOf('images', photo)
    expect(keys.filter((key) => key.endsWith('.webp')).length).toBeGreaterThanOrEqual(4)
    const stored = await s3.keys('images/')
    for (const key of keys) expect(stored).toContain(key)
    // Nothing on the node's own disk.
    expect(fs.existsSync(path.join(server.mediaDir, 'images', photo.filename))).toBe(false)
    for (const key of keys) {
      const bytes = await s3.read(key)
      expect(await exifOf(bytes)).toMatchObject({ exif: false, gps: false })
    }
    // Served from the bucket with its real type, original and WebP size alike.
    const original = await rawGet(`${server.url}${photo.url}`)
    expect(original.status).toBe(200)
    expect(original.headers['content-type']).toBe('image/jpeg')
    expect(original.body.equals(await s3.read(`images/${photo.filename}`))).toBe(true)
    const webp = await rawGet(`${server.url}${photo.sizes.cardWebp.url}`)
    expect(webp.headers['content-type']).toBe('image/webp')
    expect(webp.headers['content-length']).toBe(String(photo.sizes.cardWebp.filesize))
  })

  it('one upload is one save: one version, no second write by the storage adapter', async () => {
    const res = await upload(
      server.url,
      'documents',
      { data: makePdf(['Eén versie']), name: 'een-versie.pdf', type: 'application/pdf' },
      { title: 'Eén versie', slug: 'een-versie', type: 'factsheet', _status: 'published' },
      admin,
    )
    expect(res.status).toBe(201)
    const versions = await request(
      server.url,
      `/api/documents/versions?where[parent][equals]=${res.body.doc.id}&depth=0`,
      { token: admin },
    )
    expect(versions.body.totalDocs).toBe(1)
  })

  it('a refused upload leaves nothing in the bucket', async () => {
    const before = await s3.keys()
    // Refused by its content (an SVG with a script) before anything is written…
    const svg = await upload(
      server.url,
      'media',
      { data: SVG_WITH_SCRIPT, name: 'logo.svg', type: 'image/svg+xml' },
      { alt: 'Logo' },
      admin,
    )
    expect(svg.status).toBe(400)
    // …and by a publishing rule (a whitepaper must be a PDF), after the image sizes were made.
    const whitepaper = await upload(
      server.url,
      'documents',
      { data: await makePhoto('png'), name: 'whitepaper.png', type: 'image/png' },
      { title: 'Geen pdf', slug: 'geen-pdf', type: 'whitepaper', _status: 'published' },
      admin,
    )
    expect(whitepaper.status).toBe(400)
    expect(await s3.keys()).toEqual(before)
  })

  it('replacing the file swaps the objects; deleting the image removes them', async () => {
    const oldKeys = keysOf('images', photo)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await makePhoto('png'))], { type: 'image/png' }), 'vervangen.png')
    form.append('_payload', JSON.stringify({}))
    const replaced = await request(server.url, `/api/media/${photo.id}`, { method: 'PATCH', body: form, token: admin })
    expect(replaced.status).toBe(200)
    const newKeys = keysOf('images', replaced.body.doc)
    const afterReplace = await s3.keys('images/')
    for (const key of newKeys) expect(afterReplace).toContain(key)
    for (const key of oldKeys) expect(afterReplace).not.toContain(key)

    const deleted = await request(server.url, `/api/media/${photo.id}`, { method: 'DELETE', token: admin })
    expect(deleted.status).toBe(200)
    const afterDelete = await s3.keys('images/')
    for (const key of newKeys) expect(afterDelete).not.toContain(key)
  })

  it('npm run media:migrate copies local uploads into the bucket, and again copies nothing', async () => {
    const local = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-migrate-'))
    const files = {
      'documents/oud-rapport.pdf': makePdf(['Oud rapport']),
      'images/oude-foto.jpg': await makePhoto('jpeg'),
    }
    for (const [key, bytes] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(local, key)), { recursive: true })
      fs.writeFileSync(path.join(local, key), bytes)
    }
    const migrate = () =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        let output = ''
        const child = spawn(process.execPath, ['dist/cli/mediaMigrate.js'], {
          cwd: root,
          env: { ...process.env, NODE_OPTIONS: '', MEDIA_DIR: local, ...s3.env },
        })
        child.stdout.on('data', (chunk) => (output += chunk))
        child.stderr.on('data', (chunk) => (output += chunk))
        child.once('exit', (code) => resolve({ code, output }))
      })
    const first = await migrate()
    expect(first.code).toBe(0)
    expect(first.output).toMatch(/\[1\/2\] documents\/oud-rapport\.pdf copied/)
    expect(first.output).toMatch(/2 copied .*, 0 already in the bucket/)
    for (const [key, bytes] of Object.entries(files)) expect((await s3.read(key)).equals(bytes)).toBe(true)
    const second = await migrate()
    expect(second.code).toBe(0)
    expect(second.output).toMatch(/0 copied .*, 2 already in the bucket/)
    fs.rmSync(local, { recursive: true, force: true })
  })
})
