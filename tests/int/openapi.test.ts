import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { checkResponsesAgainstContract, registerFirstAdmin, request } from '../helpers/api'
import { contractVersion } from '../helpers/contract'
import { startServer, type TestServer } from '../helpers/server'

/**
 * The public contract: the OpenAPI document and its documentation page are served,
 * every answer carries API-Version, errors come as RFC 9457 problem details when asked,
 * and a trailing slash is a 404 (NL API Design Rules).
 */
let server: TestServer

beforeAll(async () => {
  server = await startServer()
  checkResponsesAgainstContract()
})

afterAll(async () => {
  await server?.stop()
})

const documentOnDisk = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../generated/openapi.json'), 'utf8'),
)

describe('the OpenAPI document', () => {
  it('is served at /api/openapi.json to any origin, without login, as generated', async () => {
    const res = await request(server.url, '/api/openapi.json', {
      headers: { Origin: 'https://elders.example' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.body).toEqual(documentOnDisk)
    expect(res.body.openapi).toBe('3.0.3')
    expect(res.body.info.contact).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        url: expect.any(String),
        email: expect.any(String),
      }),
    )
  })

  it('documents the computed and localized fields', () => {
    const { Page, Document } = documentOnDisk.components.schemas
    expect(Page.properties.readingTimeMinutes).toBeDefined()
    expect(Page.properties.share.readOnly).toBe(true)
    expect(Document.properties.downloadUrl.readOnly).toBe(true)
    expect(Document.properties.fileSizeLabel.readOnly).toBe(true)
    expect(Page.properties.title.anyOf[1].properties).toEqual(
      expect.objectContaining({ nl: expect.anything(), en: expect.anything() }),
    )
    const where = documentOnDisk.components.schemas.ProjectWhere.properties
    expect(where['region.province'].properties.equals.enum).toContain('noord-brabant')
    expect(where.changeLines.properties.in).toBeDefined()
  })

  it('has a documentation page served from this origin only', async () => {
    const page = await fetch(`${server.url}/api/docs`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('/api/docs/assets/swagger-ui-bundle.js')
    // Nothing from another origin: every src/href is a path on this server.
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(url).toMatch(/^\//)
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
      const res = await fetch(`${server.url}/api/docs/assets/${asset}`)
      expect(res.status).toBe(200)
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(10_000)
    }
    const init = await (await fetch(`${server.url}/api/docs/init.js`)).text()
    expect(init).toContain("url: '/api/openapi.json'")
    expect(init).toContain('validatorUrl: null')
    expect((await fetch(`${server.url}/api/docs/assets/package.json`)).status).toBe(404)
  })
})

describe('NL API Design Rules on the wire', () => {
  it('sends API-Version = info.version on API answers, errors, health and cached hits', async () => {
    for (const url of [
      '/api/pages?limit=1',
      '/api/pages?limit=1',
      '/api/nope-not-here',
      '/healthz',
      '/api/globals/site',
    ]) {
      const res = await fetch(`${server.url}${url}`)
      await res.arrayBuffer()
      expect([url, res.headers.get('api-version')]).toEqual([url, contractVersion])
    }
  })

  it('answers a trailing slash with 404, never a redirect', async () => {
    for (const url of [
      '/api/pages/',
      '/api/globals/site/',
      '/downloads/factsheet-koers-en-kansen/',
    ]) {
      const res = await fetch(`${server.url}${url}`, { redirect: 'manual' })
      expect([url, res.status]).toEqual([url, 404])
    }
  })

  it('gives RFC 9457 problem details in Dutch when asked, Payload’s shape otherwise', async () => {
    const plain = await request(server.url, '/api/pages/999999')
    expect(plain.status).toBe(404)
    expect(plain.body.errors[0].message).toEqual(expect.any(String))

    const problem = await request(server.url, '/api/pages/999999', {
      headers: { Accept: 'application/problem+json' },
    })
    expect(problem.status).toBe(404)
    expect(problem.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(problem.body).toEqual(
      expect.objectContaining({
        type: 'about:blank',
        title: 'Niet gevonden',
        status: 404,
        detail: expect.any(String),
        instance: '/api/pages/999999',
      }),
    )
  })

  it('keeps the field errors of a validation error in problem details', async () => {
    const token = await registerFirstAdmin(server.url)
    const res = await request(server.url, '/api/projects', {
      method: 'POST',
      token,
      headers: { Accept: 'application/problem+json', 'Accept-Language': 'nl' },
      json: {
        title: 'Project met een onmogelijke einddatum',
        startDate: '2024-05-01T00:00:00.000Z',
        endDate: '2024-01-01T00:00:00.000Z',
      },
    })
    expect(res.status).toBe(400)
    expect(res.body.title).toBe('Ongeldige invoer')
    expect(res.body.status).toBe(400)
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'endDate', message: expect.any(String) }),
      ]),
    )
  })
})
