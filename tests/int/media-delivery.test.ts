import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { paragraph, richText } from '../../src/seed/lexical'
import { registerFirstAdmin, request } from '../helpers/api'
import { exifOf, makePhoto, rawGet } from '../helpers/files'
import { startServer, type TestServer } from '../helpers/server'
import { upload } from '../helpers/upload'

/**
 * Images, infographics and videos as a frontend gets them: sizes made right (upright,
 * without EXIF/GPS, cropped around the focal point), and every file URL answering with
 * the headers browsers and CDNs need.
 */
let server: TestServer
let admin: string

const fetchBytes = async (url: string) => {
  const res = await rawGet(`${server.url}${url}`)
  expect([url, res.status]).toEqual([url, 200])
  return res
}

/** The colour of one pixel: 'red', 'blue' or something else. */
const colourAt = async (bytes: Buffer, x: number, y: number): Promise<string> => {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * info.channels
  const [r, g, b] = [data[at]!, data[at + 1]!, data[at + 2]!]
  if (r > 180 && g < 80 && b < 80) return 'red'
  if (b > 180 && r < 80 && g < 80) return 'blue'
  return `rgb(${r},${g},${b})`
}

const SIZES = ['thumbnail', 'card', 'hero', 'og'] as const

beforeAll(async () => {
  server = await startServer()
  admin = await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
})

describe('an uploaded phone photo', () => {
  let doc: any

  beforeAll(async () => {
    const res = await upload(server.url, 'media', { data: await makePhoto('jpeg'), name: 'foto.jpg', type: 'image/jpeg' }, { alt: 'Foto' }, admin)
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.text}`)
    doc = res.body.doc
  })

  it('is stored upright and without EXIF or GPS, the original too', async () => {
    expect([doc.width, doc.height]).toEqual([800, 1600])
    const original = await fetchBytes(doc.url)
    expect(await exifOf(original.body)).toEqual({ exif: false, gps: false, orientation: undefined })
    // Turned clockwise: the red left half of the stored pixels is now on top.
    expect(await colourAt(original.body, 400, 100)).toBe('red')
    expect(await colourAt(original.body, 400, 1500)).toBe('blue')
  })

  it('has every size, each also as WebP, upright and without metadata', async () => {
    for (const name of SIZES) {
      for (const variant of [name, `${name}Webp`]) {
        const size = doc.sizes[variant]
        expect([variant, typeof size?.url]).toEqual([variant, 'string'])
        const res = await fetchBytes(size.url)
        const meta = await sharp(res.body).metadata()
        expect([variant, meta.format]).toEqual([variant, variant.endsWith('Webp') ? 'webp' : 'jpeg'])
        expect([variant, meta.width, meta.height]).toEqual([variant, size.width, size.height])
        expect([variant, await exifOf(res.body)]).toEqual([variant, { exif: false, gps: false, orientation: undefined }])
        if (name !== 'og') {
          expect([variant, meta.height! > meta.width!, await colourAt(res.body, 10, 10)]).toEqual([variant, true, 'red'])
        }
      }
    }
    expect(doc.sizes.thumbnail.width).toBe(400)
    expect(doc.sizes.card.width).toBe(800)
    // Never enlarged: the hero of an 800 px wide photo stays 800 wide.
    expect(doc.sizes.hero.width).toBe(800)
  })

  it('is served with Content-Length, ETag, 304 and HEAD on its own URL and its sizes', async () => {
    for (const url of [doc.url, doc.sizes.cardWebp.url]) {
      const res = await fetchBytes(url)
      expect(res.headers['content-type']).toBe(url === doc.url ? 'image/jpeg' : 'image/webp')
      expect(res.headers['content-length']).toBe(String(res.body.length))
      expect(res.headers['cache-control']).toBe('public, max-age=300, must-revalidate')
      expect(res.headers['access-control-allow-origin']).toBe('*')
      expect(res.headers['last-modified']).toBeTruthy()
      expect((await rawGet(`${server.url}${url}`, { 'If-None-Match': res.headers.etag! })).status).toBe(304)
      const head = await rawGet(`${server.url}${url}`, {}, 'HEAD')
      expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, String(res.body.length)])
    }
    expect(Number((await rawGet(`${server.url}${doc.url}`, {}, 'HEAD')).headers['content-length'])).toBe(doc.filesize)
  })
})

it('strips GPS from a PNG too', async () => {
  const res = await upload(server.url, 'media', { data: await makePhoto('png'), name: 'scherm.png', type: 'image/png' }, { alt: 'Scherm' }, admin)
  expect(res.status).toBe(201)
  for (const url of [res.body.doc.url, res.body.doc.sizes.thumbnail.url]) {
    expect(await exifOf((await fetchBytes(url)).body)).toEqual({ exif: false, gps: false, orientation: undefined })
  }
})

it('crops the share image (og, 1200×630) around the focal point', async () => {
  // 4000×1000: red left half, blue right half.
  const half = (background: string) => sharp({ create: { width: 2000, height: 1000, channels: 3, background } }).png().toBuffer()
  const wide = await sharp({ create: { width: 4000, height: 1000, channels: 3, background: '#000' } })
    .composite([
      { input: await half('#ff0000'), left: 0, top: 0 },
      { input: await half('#0000ff'), left: 2000, top: 0 },
    ])
    .png()
    .toBuffer()
  const ogOf = async (focalX: number) => {
    const res = await upload(server.url, 'media', { data: wide, name: `breed-${focalX}.png`, type: 'image/png' }, { alt: 'Breed', focalX, focalY: 50 }, admin)
    expect(res.status).toBe(201)
    expect([res.body.doc.sizes.og.width, res.body.doc.sizes.og.height]).toEqual([1200, 630])
    return (await fetchBytes(res.body.doc.sizes.og.url)).body
  }
  // Focus on the right: the crop lies wholly in the blue half. Centred: it straddles both.
  const right = await ogOf(90)
  expect([await colourAt(right, 5, 300), await colourAt(right, 1195, 300)]).toEqual(['blue', 'blue'])
  const centred = await ogOf(50)
  expect([await colourAt(centred, 5, 300), await colourAt(centred, 1195, 300)]).toEqual(['red', 'blue'])
})

describe('infographics', () => {
  it('come with their text alternative next to the image sizes', async () => {
    const png = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#154273' } }).png().toBuffer()
    const res = await upload(
      server.url,
      'documents',
      { data: png, name: 'infographic.png', type: 'image/png' },
      {
        title: 'Infographic recidive',
        type: 'infographic',
        textAlternative: richText(paragraph('Bijna 70% van de criminaliteit is recidive.')),
        _status: 'published',
      },
      admin,
    )
    expect(res.status).toBe(201)
    const read = await request(server.url, `/api/documents/${res.body.doc.id}?depth=0`)
    const doc = read.body
    expect(doc.textAlternativePlain).toBe('Bijna 70% van de criminaliteit is recidive.')
    expect(doc.textAlternative.root.children).toHaveLength(1)
    expect(doc.fileTypeLabel).toBe('PNG')
    expect([doc.width, doc.height]).toEqual([1200, 900])
    for (const name of ['thumbnail', 'thumbnailWebp', 'card', 'cardWebp']) {
      expect((await fetchBytes(doc.sizes[name].url)).headers['content-type']).toBe(name.endsWith('Webp') ? 'image/webp' : 'image/png')
    }
  })

  it("keep a draft's image sizes from the public", async () => {
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#aa0000' } }).png().toBuffer()
    const res = await upload(
      server.url,
      'documents',
      { data: png, name: 'geheim.png', type: 'image/png' },
      { title: 'Geheime infographic', type: 'infographic', _status: 'draft' },
      admin,
      '?draft=true',
    )
    expect(res.status).toBe(201)
    const { doc } = res.body
    for (const url of [doc.url, doc.sizes.thumbnail.url, doc.sizes.cardWebp.url, `/downloads/${doc.slug}`]) {
      expect([url, (await rawGet(`${server.url}${url}`)).status]).toEqual([url, 404])
      expect([url, (await rawGet(`${server.url}${url}`, { Authorization: `JWT ${admin}` })).status]).toEqual([url, 200])
    }
  })
})

describe('animation videos', () => {
  const sample = fs.readFileSync(path.resolve(import.meta.dirname, '../../src/seed/files/voorbeeldbestand-animatie.webm'))

  it('are served like downloads: ranges, validators and HEAD for video players', async () => {
    const list = await request(server.url, '/api/animations?where[slug][equals]=animatie-koers-en-kansen&depth=0')
    const { url } = list.body.docs[0].video
    const full = await fetchBytes(url)
    expect(full.body.equals(sample)).toBe(true)
    expect(full.headers['content-type']).toBe('video/webm')
    expect(full.headers['content-length']).toBe(String(sample.length))
    const start = await rawGet(`${server.url}${url}`, { Range: 'bytes=0-' })
    expect([start.status, start.headers['content-range']]).toEqual([206, `bytes 0-${sample.length - 1}/${sample.length}`])
    const part = await rawGet(`${server.url}${url}`, { Range: 'bytes=1000-1999' })
    expect(part.status).toBe(206)
    expect(part.body.equals(sample.subarray(1000, 2000))).toBe(true)
    expect((await rawGet(`${server.url}${url}`, { 'If-None-Match': full.headers.etag! })).status).toBe(304)
    expect((await rawGet(`${server.url}${url}`, {}, 'HEAD')).headers['content-length']).toBe(String(sample.length))
  })

  it("keep a draft animation's video from the public", async () => {
    const res = await upload(
      server.url,
      'animations',
      { data: sample, name: 'concept.webm', type: 'video/webm' },
      { title: 'Conceptanimatie', _status: 'draft' },
      admin,
      '?draft=true',
    )
    expect(res.status).toBe(201)
    const url = `/api/animations/file/${res.body.doc.filename}`
    expect((await rawGet(`${server.url}${url}`)).status).toBe(404)
    expect((await rawGet(`${server.url}${url}`, { Range: 'bytes=0-10' })).status).toBe(404)
    expect((await rawGet(`${server.url}${url}`, {}, 'HEAD')).status).toBe(404)
    expect((await rawGet(`${server.url}${url}`, { Authorization: `JWT ${admin}` })).status).toBe(200)
  })
})
