import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { demoProject } from '../../src/seed/demo'
import { registerFirstAdmin, request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * /sitemap.xml and the Atom feeds: valid XML, only published content, URLs on
 * PUBLIC_SITE_URL with nl/en alternates, and cached until the content changes.
 */
let server: TestServer
let token: string
const SITE = 'https://www.example.test'

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['url', 'entry', 'xhtml:link'].includes(name),
})

const getXml = async (path: string) => {
  const res = await fetch(`${server.url}${path}`)
  const text = await res.text()
  expect([path, XMLValidator.validate(text)]).toEqual([path, true])
  return { res, text, xml: parser.parse(text) }
}

const locs = (xml: any): string[] => (xml.urlset.url ?? []).map((url: any) => url.loc)

beforeAll(async () => {
  server = await startServer()
  token = await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
})

describe('sitemap', () => {
  it('lists the published pages, projects and documents with lastmod and nl/en alternates', async () => {
    const { res, xml } = await getXml('/sitemap.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/)
    const urls = locs(xml)
    expect(urls).toEqual(
      expect.arrayContaining([
        `${SITE}/wat-is-koers-en-kansen`,
        `${SITE}/en/wat-is-koers-en-kansen`,
        `${SITE}/documenten/factsheet-koers-en-kansen`,
      ]),
    )
    for (const url of xml.urlset.url) {
      expect(url.loc.startsWith(SITE)).toBe(true)
      expect(Number.isNaN(Date.parse(url.lastmod))).toBe(false)
      expect(url['xhtml:link'].map((link: any) => link['@hreflang']).sort()).toEqual([
        'en',
        'nl',
        'x-default',
      ])
    }
  })

  it('shows a project once published, never as a draft, and drops it when unpublished (cache invalidated)', async () => {
    const { demo: _demo, ...base } = demoProject(777)
    const created = await request(server.url, '/api/projects', {
      method: 'POST',
      token,
      json: { ...base, slug: 'sitemapproject', _status: 'draft' },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const url = `${SITE}/projecten/sitemapproject`
    expect(locs((await getXml('/sitemap.xml')).xml)).not.toContain(url)
    const again = await getXml('/sitemap.xml')
    expect(again.res.headers.get('x-cache')).toBe('HIT')

    await request(server.url, `/api/projects/${id}`, {
      method: 'PATCH',
      token,
      json: { _status: 'published' },
    })
    expect(locs((await getXml('/sitemap.xml')).xml)).toContain(url)
    const feed = (await getXml('/feeds/projecten.xml')).xml.feed
    expect(feed.entry.map((entry: any) => entry.link['@href'])).toContain(url)

    await request(server.url, `/api/projects/${id}`, {
      method: 'PATCH',
      token,
      json: { _status: 'draft' },
    })
    expect(locs((await getXml('/sitemap.xml')).xml)).not.toContain(url)
    expect(
      (await getXml('/feeds/projecten.xml')).xml.feed.entry?.map(
        (entry: any) => entry.link['@href'],
      ) ?? [],
    ).not.toContain(url)
  })
})

describe('feeds', () => {
  it('serves Atom feeds of projects and documents', async () => {
    for (const name of ['projecten', 'documenten']) {
      const { res, xml } = await getXml(`/feeds/${name}.xml`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/)
      expect(xml.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
      expect(xml.feed.id).toBe(`${SITE}/feeds/${name}.xml`)
      expect(Number.isNaN(Date.parse(xml.feed.updated))).toBe(false)
      for (const entry of xml.feed.entry ?? []) {
        expect(entry.title).toEqual(expect.any(String))
        expect(entry.link['@href'].startsWith(SITE)).toBe(true)
        expect(Number.isNaN(Date.parse(entry.updated))).toBe(false)
      }
    }
    const documents = (await getXml('/feeds/documenten.xml')).xml.feed.entry.map(
      (entry: any) => entry.title,
    )
    expect(documents).toEqual(expect.arrayContaining(['Factsheet Koers en kansen']))
  })

  it('answers an unknown feed with 404', async () => {
    expect((await fetch(`${server.url}/feeds/onbekend.xml`)).status).toBe(404)
  })
})
