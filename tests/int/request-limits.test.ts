import fs from 'node:fs'
import net from 'node:net'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { registerFirstAdmin, request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import sharp from 'sharp'

import { upload } from '../helpers/upload'

/**
 * Bodies and connections (issue 10): a JSON or GraphQL body over API_BODY_MAX_KB is
 * refused with 413 from its Content-Length before it is sent, a client that never
 * finishes its headers is disconnected, and an image with more pixels than
 * IMAGE_MAX_MEGAPIXELS is refused (Dutch 4xx) without being decoded.
 */
let server: TestServer
let token: string

const rssMb = (): number => {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8')
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
}

beforeAll(async () => {
  server = await startServer({
    API_BODY_MAX_KB: '256',
    HEADERS_TIMEOUT_MS: '1500',
    REQUEST_TIMEOUT_MS: '5000',
    IMAGE_DECODES_AT_ONCE: '1',
  })
  token = await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
})

/** Sends the headers and `sent` bytes of a body that claims `length`; resolves with the raw answer once the server closes. */
const partialPost = (path: string, length: number, sent: number, extra = ''): Promise<string> =>
  new Promise((resolve) => {
    const socket = net.connect(server.port, '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n${extra}\r\n`,
      )
      socket.write(Buffer.alloc(sent, 0x20))
    })
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk))
    socket.on('close', () => resolve(answer))
    socket.on('error', () => undefined)
  })

/**
 * Sends a chunked body (no Content-Length) of `total` bytes in 64 KB chunks, as long as
 * the server reads; resolves with the raw answer once the server closes or answers in full.
 */
const chunkedPost = (path: string, body: Buffer | number, extraHeaders = ''): Promise<string> =>
  new Promise((resolve) => {
    const socket = net.connect(server.port, '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n${extraHeaders}\r\n`,
      )
      if (typeof body !== 'number') {
        socket.write(`${body.length.toString(16)}\r\n`)
        socket.write(body)
        socket.write('\r\n0\r\n\r\n')
        return
      }
      // An endless stream of spaces, 64 KB at a time, until `body` bytes or the server stops it.
      let sent = 0
      const piece = Buffer.alloc(64 * 1024, 0x20)
      const more = () => {
        while (sent < body && !socket.destroyed) {
          sent += piece.length
          if (!socket.write(`${piece.length.toString(16)}\r\n${piece.toString()}\r\n`))
            return void socket.once('drain', more)
        }
        if (!socket.destroyed) socket.write('0\r\n\r\n')
      }
      more()
    })
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk))
    socket.on('close', () => resolve(answer))
    socket.on('error', () => undefined)
  })

/** A PNG whose header says width × height, with one tiny row of data: cheap to send, a bomb to decode. */
const pngClaiming = (width: number, height: number): Buffer => {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(1 + width * 3))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

describe('request limits', () => {
  it('refuses a 50 MB JSON body with 413 before it is sent, REST and GraphQL', async () => {
    const before = rssMb()
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        partialPost(i % 2 ? '/api/graphql' : '/api/pages', 50 * 1024 * 1024, 1024),
      ),
    )
    for (const answer of answers) {
      expect(answer).toMatch(/^HTTP\/1\.1 413 /)
      expect(answer).toMatch(/De aanvraag is te groot/)
    }
    console.info(
      `request-limits: server RSS ${before} MB before, ${rssMb()} MB after 8 × 50 MB JSON bodies`,
    )
  })

  it('still answers a body under the limit normally', async () => {
    const res = await request(server.url, '/api/graphql', {
      method: 'POST',
      json: { query: '{ Pages(limit: 1) { docs { title } } }' },
    })
    expect(res.status).toBe(200)
  })

  it('refuses a chunked 50 MB JSON body (no Content-Length) with 413 while it is read', async () => {
    const before = rssMb()
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        chunkedPost(i % 2 ? '/api/graphql' : '/api/pages', 50 * 1024 * 1024),
      ),
    )
    for (const answer of answers) {
      expect(answer).toMatch(/^HTTP\/1\.1 413 /)
      expect(answer).toMatch(/De aanvraag is te groot/)
    }
    console.info(
      `request-limits: server RSS ${before} MB before, ${rssMb()} MB after 4 chunked 50 MB JSON bodies`,
    )
    expect((await request(server.url, '/healthz')).status).toBe(200)
  })

  it('answers a small chunked body normally, REST and GraphQL', async () => {
    const query = Buffer.from(JSON.stringify({ query: '{ Pages(limit: 1) { docs { title } } }' }))
    const graphql = await chunkedPost('/api/graphql', query)
    expect(graphql).toMatch(/^HTTP\/1\.1 200 /)
    expect(graphql).toMatch(/"Pages"/)
    const title = `Chunked ${Date.now()}`
    const created = await chunkedPost(
      '/api/pages',
      Buffer.from(JSON.stringify({ title, slug: `chunked-${Date.now()}` })),
      `Authorization: JWT ${token}\r\n`,
    )
    expect(created).toMatch(/^HTTP\/1\.1 201 /)
    expect(created).toContain(title)
  })

  it('closes a connection whose headers never finish', async () => {
    const closed = await new Promise<string>((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1', () =>
        socket.write('GET /api/pages HTTP/1.1\r\nHost: localhost\r\n'),
      )
      let answer = ''
      socket.on('data', (chunk) => (answer += chunk))
      socket.on('close', () => resolve(answer))
      socket.on('error', () => undefined)
    })
    // Node answers 408 (or just closes) once HEADERS_TIMEOUT_MS has passed.
    expect(closed === '' || /^HTTP\/1\.1 408/.test(closed)).toBe(true)
    expect((await request(server.url, '/healthz')).status).toBe(200)
  })

  it('refuses an image of 16 000 × 16 000 pixels with a Dutch 4xx, without decoding it', async () => {
    const bomb = pngClaiming(16_000, 16_000)
    expect(bomb.length).toBeLessThan(200_000)
    const before = rssMb()
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        upload(
          server.url,
          'media',
          { data: bomb, name: `bom-${i}.png`, type: 'image/png' },
          { alt: 'Bom' },
          token,
        ),
      ),
    )
    for (const res of results) {
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(res.text).toMatch(/te groot: 256 megapixels \(maximaal 50\)/)
    }
    console.info(
      `request-limits: server RSS ${before} MB before, ${rssMb()} MB after 4 pixel bombs at once`,
    )
    expect((await request(server.url, '/healthz')).status).toBe(200)
  })
  it('decodes uploads one at a time (IMAGE_DECODES_AT_ONCE=1) and still makes every size of each', async () => {
    const photos = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        sharp({
          create: {
            width: 3000,
            height: 2000,
            channels: 3,
            background: { r: 40 * i, g: 90, b: 160 },
          },
        })
          .jpeg()
          .toBuffer(),
      ),
    )
    const before = rssMb()
    const results = await Promise.all(
      photos.map((data, i) =>
        upload(
          server.url,
          'media',
          { data, name: `foto-${i}.jpg`, type: 'image/jpeg' },
          { alt: `Foto ${i}` },
          token,
        ),
      ),
    )
    for (const res of results) {
      expect(res.status).toBe(201)
      const sizes = res.body.doc.sizes as Record<string, { width?: number }>
      expect(sizes.thumbnail?.width).toBe(400)
      expect(sizes.hero?.width).toBe(1600)
    }
    console.info(
      `request-limits: server RSS ${before} MB before, ${rssMb()} MB after 4 uploads of 6 megapixels at once`,
    )
  })
})
