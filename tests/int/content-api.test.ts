import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { programme } from '../../src/seed/content/programme'
import { checkResponsesAgainstContract, graphql, registerFirstAdmin, request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Every collection and global answers over REST and GraphQL with the seeded
 * content, read anonymously (all seeded content is published).
 */
let server: TestServer

beforeAll(async () => {
  server = await startServer()
  checkResponsesAgainstContract()
})

afterAll(async () => {
  await server?.stop()
})

const SEEDED_DOCUMENTS = {
  'de-toekomst-van-de-sanctie-uitvoering': { type: 'whitepaper', mimeType: 'application/pdf', title: 'De toekomst van de sanctie-uitvoering' },
  'factsheet-koers-en-kansen': { type: 'factsheet', mimeType: 'application/pdf', title: 'Factsheet Koers en kansen' },
  'infographic-koers-en-kansen': { type: 'infographic', mimeType: 'image/png', title: 'Infographic Koers en kansen' },
} as const

describe('REST: collections', () => {
  it('lists the two seeded pages with their titles', async () => {
    const res = await request(server.url, '/api/pages?sort=slug&limit=10')
    expect(res.status).toBe(200)
    expect(res.body.docs.map((doc: any) => [doc.slug, doc.title])).toEqual([
      ['over-koers-en-kansen', 'Over Koers en kansen'],
      ['wat-is-koers-en-kansen', 'Wat is Koers en kansen?'],
    ])
    expect(res.body.totalDocs).toBe(2)
    for (const doc of res.body.docs) {
      expect(doc._status).toBe('published')
      expect(doc.readingTimeMinutes).toBeGreaterThanOrEqual(1)
      expect(doc.share.canonical).toBe(`https://www.example.test/${doc.slug}`)
    }
  })

  it('finds a page by slug and by id, with its rich text', async () => {
    const list = await request(server.url, '/api/pages?where[slug][equals]=wat-is-koers-en-kansen')
    expect(list.status).toBe(200)
    expect(list.body.docs).toHaveLength(1)
    const page = list.body.docs[0]
    expect(page.intro).toMatch(/^Koers en kansen voor de sanctie-uitvoering is een experimenteer-/)
    expect(JSON.stringify(page.content)).toContain('Wat doen we om deze doelen te bereiken?')

    const byId = await request(server.url, `/api/pages/${page.id}`)
    expect(byId.status).toBe(200)
    expect(byId.body.slug).toBe('wat-is-koers-en-kansen')
    expect(byId.body.title).toBe('Wat is Koers en kansen?')
  })

  it('lists the three seeded documents with their type and mime type', async () => {
    const res = await request(server.url, '/api/documents?limit=10')
    expect(res.status).toBe(200)
    const bySlug = Object.fromEntries(res.body.docs.map((doc: any) => [doc.slug, doc]))
    expect(Object.keys(bySlug).sort()).toEqual(Object.keys(SEEDED_DOCUMENTS).sort())
    for (const [slug, expected] of Object.entries(SEEDED_DOCUMENTS)) {
      expect(bySlug[slug].type).toBe(expected.type)
      expect(bySlug[slug].mimeType).toBe(expected.mimeType)
      expect(bySlug[slug].title).toBe(expected.title)
      expect(bySlug[slug].filename).toMatch(/^voorbeeldbestand-/)
    }
    expect(JSON.stringify(bySlug['infographic-koers-en-kansen'].textAlternative)).toContain('Voorbeeldbestand')
  })

  it('serves each document file with the stored bytes and the right content type', async () => {
    const res = await request(server.url, '/api/documents?limit=10')
    for (const doc of res.body.docs) {
      const file = await fetch(`${server.url}${new URL(doc.url, server.url).pathname}`)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toContain(doc.mimeType)
      const bytes = Buffer.from(await file.arrayBuffer())
      expect(bytes.length).toBe(doc.filesize)
      const onDisk = fs.readFileSync(path.join(server.mediaDir, 'documents', doc.filename))
      expect(bytes.equals(onDisk)).toBe(true)
      const magic = doc.mimeType === 'application/pdf' ? '%PDF-' : '\x89PNG'
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic)
    }
  })

  it('serves the animation with its video group, captions and file', async () => {
    const res = await request(server.url, '/api/animations?where[slug][equals]=animatie-koers-en-kansen')
    expect(res.status).toBe(200)
    expect(res.body.docs).toHaveLength(1)
    const animation = res.body.docs[0]
    expect(animation.title).toBe('Animatie Koers en kansen')
    expect(animation.durationSeconds).toBe(4)
    expect(animation.embedUrl).toBeNull()
    expect(animation.video).toEqual({
      url: animation.url,
      filename: animation.filename,
      mimeType: 'video/webm',
      filesize: animation.filesize,
    })
    expect(animation.captions).toHaveLength(1)
    expect(animation.captions[0].language).toBe('nl')
    expect(animation.captions[0].vtt.startsWith('WEBVTT')).toBe(true)
    expect(animation.captions[0].vtt).toContain('Voorbeeldbestand')

    const video = await fetch(`${server.url}${new URL(animation.video.url, server.url).pathname}`)
    expect(video.status).toBe(200)
    expect(video.headers.get('content-type')).toContain('video/webm')
    expect(Buffer.from(await video.arrayBuffer()).length).toBe(animation.filesize)
  })

  it('lists the seeded media image, which downloads as a PNG', async () => {
    const res = await request(server.url, '/api/media')
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBe(1)
    const image = res.body.docs[0]
    expect(image.filename).toBe('voorbeeldbestand-koers-en-kansen.png')
    expect(image.mimeType).toBe('image/png')
    expect(image.alt).toBe('Voorbeeldafbeelding met de tekst Koers en kansen')
    const file = await fetch(`${server.url}${new URL(image.url, server.url).pathname}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toContain('image/png')
  })

  it('answers the projects list (no projects are seeded)', async () => {
    const res = await request(server.url, '/api/projects')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ docs: [], totalDocs: 0, page: 1 })
  })
})

describe('REST: globals', () => {
  it('site', async () => {
    const res = await request(server.url, '/api/globals/site')
    expect(res.status).toBe(200)
    expect(res.body.siteName).toBe('Koers en kansen voor de sanctie-uitvoering')
    expect(res.body.publicSiteUrl).toBe('https://www.sanctieuitvoering.nl')
  })

  it('navigation links to the two seeded pages', async () => {
    const pages = await request(server.url, '/api/pages?limit=10')
    const idOf = (slug: string) => pages.body.docs.find((doc: any) => doc.slug === slug).id
    const res = await request(server.url, '/api/globals/navigation?depth=0')
    expect(res.status).toBe(200)
    expect(res.body.header.map((item: any) => [item.link.label, item.link.page])).toEqual([
      ['Wat is Koers en kansen?', idOf('wat-is-koers-en-kansen')],
      ['Over Koers en kansen', idOf('over-koers-en-kansen')],
    ])
  })

  it('programme has 2 aims, 3 change lines and 4 key figures', async () => {
    const res = await request(server.url, '/api/globals/programme')
    expect(res.status).toBe(200)
    expect(res.body.aims.map((item: any) => item.aim)).toEqual(programme.aims.map((item) => item.aim))
    expect(res.body.aims).toHaveLength(2)
    expect(res.body.changeLines.map((line: any) => [line.key, line.title, line.description])).toEqual([
      ['veilig-dichtbij', 'Veilig dichtbij', 'Sancties sluiten aan op de lokale situatie.'],
      ['levensloop-centraal', 'Levensloop centraal', 'Sancties sluiten aan op het profiel van de dader.'],
      ['vakmanschap-voorop', 'Vakmanschap voorop', programme.changeLines[2]!.description],
    ])
    expect(res.body.keyFigures.map((figure: any) => figure.value)).toEqual(['bijna 70%', '24 dagen', 'max. 240 uur', '1× per 3 weken'])
  })
})

describe('REST: localization', () => {
  it('falls back to Dutch for ?locale=en when there is no English text', async () => {
    const en = await request(server.url, '/api/pages?locale=en&where[slug][equals]=over-koers-en-kansen')
    expect(en.status).toBe(200)
    expect(en.body.docs[0].title).toBe('Over Koers en kansen')
    expect(en.body.docs[0].share.canonical).toBe('https://www.example.test/en/over-koers-en-kansen')

    const programmeEn = await request(server.url, '/api/globals/programme?locale=en')
    expect(programmeEn.body.changeLines[0].title).toBe('Veilig dichtbij')
  })

  it('keeps English text separate once it is written', async () => {
    const token = await registerFirstAdmin(server.url)
    const pages = await request(server.url, '/api/pages?where[slug][equals]=over-koers-en-kansen')
    const id = pages.body.docs[0].id
    const patch = await request(server.url, `/api/pages/${id}?locale=en`, {
      method: 'PATCH',
      token,
      json: { title: 'About Koers en kansen' },
    })
    expect(patch.status).toBe(200)
    const en = await request(server.url, `/api/pages/${id}?locale=en`)
    const nl = await request(server.url, `/api/pages/${id}`)
    expect(en.body.title).toBe('About Koers en kansen')
    expect(nl.body.title).toBe('Over Koers en kansen')
    expect(nl.body.slug).toBe('over-koers-en-kansen')
  })
})

describe('GraphQL', () => {
  it('Pages and Page', async () => {
    const res = await graphql(server.url, '{ Pages(sort: "slug") { totalDocs docs { id slug title readingTimeMinutes share { canonical } } } }')
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
    const pages = res.body.data.Pages
    expect(pages.totalDocs).toBe(2)
    expect(pages.docs.map((doc: any) => doc.title)).toEqual(['Over Koers en kansen', 'Wat is Koers en kansen?'])
    const one = await graphql(server.url, 'query ($id: Int!) { Page(id: $id) { slug title intro } }', { id: pages.docs[1].id })
    expect(one.body.data.Page.slug).toBe('wat-is-koers-en-kansen')
    expect(one.body.data.Page.intro).toMatch(/experimenteer-, leer- en innovatieprogramma/)
  })

  it('Pages in English fall back to Dutch', async () => {
    const res = await graphql(server.url, '{ Pages(locale: en, where: { slug: { equals: "wat-is-koers-en-kansen" } }) { docs { title share { canonical } } } }')
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Pages.docs[0].title).toBe('Wat is Koers en kansen?')
    expect(res.body.data.Pages.docs[0].share.canonical).toBe('https://www.example.test/en/wat-is-koers-en-kansen')
  })

  it('Projects', async () => {
    const res = await graphql(server.url, '{ Projects { totalDocs docs { slug } } }')
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Projects.totalDocs).toBe(0)
  })

  it('Documents with types and mime types', async () => {
    const res = await graphql(server.url, '{ Documents(limit: 10) { docs { slug title type mimeType url filesize } } }')
    expect(res.body.errors).toBeUndefined()
    const docs = res.body.data.Documents.docs
    expect(docs).toHaveLength(3)
    for (const doc of docs) {
      const expected = SEEDED_DOCUMENTS[doc.slug as keyof typeof SEEDED_DOCUMENTS]
      expect(expected).toBeDefined()
      expect(doc).toMatchObject({ type: expected.type, mimeType: expected.mimeType, title: expected.title })
      expect(doc.url).toMatch(/\/api\/documents\/file\//)
    }
  })

  it('Animations with video and captions', async () => {
    const res = await graphql(server.url, '{ Animations { docs { slug title embedUrl video { mimeType filename } captions { language vtt } } } }')
    expect(res.body.errors).toBeUndefined()
    const [animation] = res.body.data.Animations.docs
    expect(animation.slug).toBe('animatie-koers-en-kansen')
    expect(animation.embedUrl).toBeNull()
    expect(animation.video.mimeType).toBe('video/webm')
    expect(animation.video.filename).toMatch(/\.webm$/)
    expect(animation.captions[0].language).toBe('nl')
    expect(animation.captions[0].vtt).toMatch(/^WEBVTT/)
  })

  it('allMedia and Media', async () => {
    const res = await graphql(server.url, '{ allMedia { totalDocs docs { id filename mimeType alt } } }')
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.allMedia.totalDocs).toBe(1)
    const image = res.body.data.allMedia.docs[0]
    expect(image).toMatchObject({ filename: 'voorbeeldbestand-koers-en-kansen.png', mimeType: 'image/png' })
    const one = await graphql(server.url, 'query ($id: Int!) { Media(id: $id) { filename } }', { id: image.id })
    expect(one.body.data.Media.filename).toBe(image.filename)
  })

  it('Site, Navigation and Programme', async () => {
    const res = await graphql(
      server.url,
      `{
        Site { siteName tagline }
        Navigation { header { link { label page { slug } } } }
        Programme { aims { aim } changeLines { key title } keyFigures { value label } }
      }`,
    )
    expect(res.body.errors).toBeUndefined()
    const { Site, Navigation, Programme } = res.body.data
    expect(Site.siteName).toBe('Koers en kansen voor de sanctie-uitvoering')
    expect(Navigation.header.map((item: any) => item.link.page.slug)).toEqual(['wat-is-koers-en-kansen', 'over-koers-en-kansen'])
    expect(Programme.aims).toHaveLength(2)
    expect(Programme.changeLines.map((line: any) => line.title)).toEqual(['Veilig dichtbij', 'Levensloop centraal', 'Vakmanschap voorop'])
    expect(Programme.keyFigures).toHaveLength(4)
    expect(Programme.keyFigures[1]).toEqual({ value: '24 dagen', label: 'zit de helft van de gedetineerden slechts binnen' })
  })
})
