import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import type { Runtime } from '../runtime/bridge'
import type { ResponseCache } from './responseCache'
import { localized, publicPath, type PublicDoc, xmlEscape } from './publicUrls'

/**
 * /sitemap.xml for the frontend's domain (PUBLIC_SITE_URL): every published page,
 * project and document with its last change and its Dutch/English alternates
 * (hreflang). Cached like the API: it is made again only after one of the three changed.
 * /feeds/projecten.xml and /feeds/documenten.xml: Atom feeds of the newest 50.
 */
type Collection = 'pages' | 'projects' | 'documents'
type Doc = PublicDoc & {
  id: number | string
  title?: string
  updatedAt: string
  createdAt: string
  publishedAt?: string | null
  summary?: string | null
  description?: string | null
}

const published = async (
  payload: Payload,
  collection: Collection,
  options: { limit?: number; sort?: string; locale?: 'nl' | 'en' } = {},
): Promise<Doc[]> => {
  const { docs } = await payload.find({
    collection,
    where: { _status: { equals: 'published' } },
    depth: 0,
    draft: false,
    overrideAccess: false,
    locale: options.locale ?? 'nl',
    sort: options.sort ?? 'slug',
    limit: options.limit ?? 0,
    pagination: Boolean(options.limit),
  })
  return docs as unknown as Doc[]
}

const xml = (status: number, body: string, type: string): globalThis.Response =>
  new Response(body, {
    status,
    headers: { 'Content-Type': `${type}; charset=utf-8`, 'Access-Control-Allow-Origin': '*' },
  })

export const sitemapXml = async (payload: Payload): Promise<string> => {
  const entries: string[] = []
  for (const collection of ['pages', 'projects', 'documents'] as const) {
    for (const doc of await published(payload, collection)) {
      const path = publicPath(collection, doc)
      if (!path) continue
      const alternates = (['nl', 'en'] as const)
        .map(
          (locale) =>
            `    <xhtml:link rel="alternate" hreflang="${locale}" href="${xmlEscape(localized(path, locale))}"/>`,
        )
        .concat(
          `    <xhtml:link rel="alternate" hreflang="x-default" href="${xmlEscape(localized(path, 'nl'))}"/>`,
        )
      for (const locale of ['nl', 'en'] as const) {
        entries.push(
          [
            '  <url>',
            `    <loc>${xmlEscape(localized(path, locale))}</loc>`,
            `    <lastmod>${new Date(doc.updatedAt).toISOString()}</lastmod>`,
            ...alternates,
            '  </url>',
          ].join('\n'),
        )
      }
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n')
}

const FEEDS = {
  projecten: { collection: 'projects', title: 'Koers en kansen – nieuwe projecten' },
  documenten: { collection: 'documents', title: 'Koers en kansen – nieuwe documenten' },
} as const

export type FeedName = keyof typeof FEEDS

export const atomFeed = async (payload: Payload, name: FeedName): Promise<string> => {
  const { collection, title } = FEEDS[name]
  const docs = await published(payload, collection, { limit: 50, sort: '-createdAt' })
  const self = localized(`/feeds/${name}.xml`, 'nl')
  const updated = docs.reduce(
    (latest, doc) => (doc.updatedAt > latest ? doc.updatedAt : latest),
    '1970-01-01T00:00:00.000Z',
  )
  const entries = docs.map((doc) => {
    const link = localized(publicPath(collection, doc) ?? '/', 'nl')
    const summary = doc.summary ?? doc.description
    return [
      '  <entry>',
      `    <title>${xmlEscape(doc.title ?? '')}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(link)}"/>`,
      `    <id>${xmlEscape(link)}</id>`,
      `    <published>${new Date(doc.publishedAt ?? doc.createdAt).toISOString()}</published>`,
      `    <updated>${new Date(doc.updatedAt).toISOString()}</updated>`,
      ...(summary ? [`    <summary>${xmlEscape(summary)}</summary>`] : []),
      '  </entry>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
    `  <title>${xmlEscape(title)}</title>`,
    `  <id>${xmlEscape(self)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(localized('/', 'nl'))}"/>`,
    `  <updated>${new Date(updated).toISOString()}</updated>`,
    '  <author><name>Programma Koers en kansen</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}

const serveXml =
  (
    options: { runtime: () => Promise<Runtime> | undefined; cache: ResponseCache | undefined },
    key: (req: Request) => string | undefined,
    dependsOn: (req: Request) => readonly string[],
    make: (payload: Payload, req: Request) => Promise<string>,
    type: string,
  ) =>
  async (req: Request, res: Response): Promise<void> => {
    const started = options.runtime()
    const cacheKey = key(req)
    if (!started || !cacheKey) {
      res
        .status(started ? 404 : 503)
        .json({ errors: [{ message: started ? 'Niet gevonden.' : 'De server start nog.' }] })
      return
    }
    const { payload } = await started
    const produce = async () => xml(200, await make(payload, req), type)
    if (!options.cache) {
      const answer = await produce()
      res
        .status(200)
        .type(type)
        .send(await answer.text())
      return
    }
    await options.cache.serve(req, res, { key: cacheKey, dependsOn: dependsOn(req), produce })
  }

export const sitemapRoute = (options: {
  runtime: () => Promise<Runtime> | undefined
  cache: ResponseCache | undefined
}) =>
  serveXml(
    options,
    () => 'sitemap.xml',
    () => ['pages', 'projects', 'documents'],
    (payload) => sitemapXml(payload),
    'application/xml',
  )

const feedName = (req: Request): FeedName | undefined => {
  const name = String(req.params.name)
  return name in FEEDS ? (name as FeedName) : undefined
}

export const feedRoute = (options: {
  runtime: () => Promise<Runtime> | undefined
  cache: ResponseCache | undefined
}) =>
  serveXml(
    options,
    (req) => (feedName(req) ? `feed:${feedName(req)}` : undefined),
    (req) => [FEEDS[feedName(req)!].collection],
    (payload, req) => atomFeed(payload, feedName(req)!),
    'application/atom+xml',
  )
