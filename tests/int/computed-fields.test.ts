import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { paragraph, richText } from '../../src/seed/lexical'
import { registerFirstAdmin, request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/** Reading time, share links, slugs and embed URLs: computed by the CMS, checked over HTTP. */
let server: TestServer
let token: string

beforeAll(async () => {
  server = await startServer()
  token = await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
})

const SITE = 'https://www.example.test'
const words = (count: number, word = 'woord') => Array.from({ length: count }, () => word).join(' ')

const createPage = async (data: Record<string, unknown>, query = '') => {
  const res = await request(server.url, `/api/pages${query}`, { method: 'POST', token, json: { _status: 'published', ...data } })
  if (res.status !== 201) throw new Error(`create page: ${res.status} ${res.text}`)
  return res.body.doc
}

const createProject = async (data: Record<string, unknown>) =>
  request(server.url, '/api/projects', { method: 'POST', token, json: { _status: 'published', ...data } })

describe('readingTimeMinutes', () => {
  it.each([
    // [words in title, intro, content, expected minutes]
    [1, 0, 0, 1],
    [1, 199, 0, 1],
    [1, 100, 100, 2],
    [2, 300, 348, 4],
  ])('title %i + intro %i + content %i words → %i min', async (titleWords, introWords, contentWords, minutes) => {
    const page = await createPage({
      title: words(titleWords, 'Leestijd'),
      ...(introWords ? { intro: words(introWords) } : {}),
      ...(contentWords ? { content: richText(paragraph(words(contentWords, 'tekst'))) } : {}),
    })
    expect(page.readingTimeMinutes).toBe(minutes)
    // The stored value is what readers get too.
    const read = await request(server.url, `/api/pages/${page.id}`)
    expect(read.body.readingTimeMinutes).toBe(Math.max(1, Math.ceil((titleWords + introWords + contentWords) / 200)))
  })

  it('is recomputed when the text changes, from the fields that were not sent too', async () => {
    const page = await createPage({ title: 'Herberekening', intro: words(150) })
    expect(page.readingTimeMinutes).toBe(1)
    const longer = await request(server.url, `/api/pages/${page.id}`, { method: 'PATCH', token, json: { intro: words(200) } })
    expect(longer.status).toBe(200)
    expect(longer.body.doc.readingTimeMinutes).toBe(2) // 1 title word + 200
    const withContent = await request(server.url, `/api/pages/${page.id}`, {
      method: 'PATCH',
      token,
      json: { content: richText(paragraph(words(398))) },
    })
    expect(withContent.body.doc.readingTimeMinutes).toBe(3) // 1 + 200 + 398 = 599
  })

  it('counts project summary, content and lessons', async () => {
    const res = await createProject({
      title: 'Leestijd project',
      summary: words(98),
      content: richText(paragraph(words(100))),
      lessons: richText(paragraph(words(100))),
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.readingTimeMinutes).toBe(2) // 2 + 98 + 100 + 100 = 300
  })
})

describe('share links', () => {
  const checkShare = (share: any, canonical: string, title: string) => {
    expect(share.canonical).toBe(canonical)
    const linkedin = new URL(share.linkedin)
    expect(linkedin.origin + linkedin.pathname).toBe('https://www.linkedin.com/sharing/share-offsite/')
    expect(linkedin.searchParams.get('url')).toBe(canonical)
    const x = new URL(share.x)
    expect(x.origin + x.pathname).toBe('https://x.com/intent/tweet')
    expect(x.searchParams.get('url')).toBe(canonical)
    expect(x.searchParams.get('text')).toBe(title)
    const facebook = new URL(share.facebook)
    expect(facebook.origin + facebook.pathname).toBe('https://www.facebook.com/sharer/sharer.php')
    expect(facebook.searchParams.get('u')).toBe(canonical)
    const whatsapp = new URL(share.whatsapp)
    expect(whatsapp.origin + whatsapp.pathname).toBe('https://wa.me/')
    expect(whatsapp.searchParams.get('text')).toBe(`${title} ${canonical}`)
    // mailto: must use %20, not '+', for spaces (mail clients do not decode '+').
    expect(share.email.startsWith('mailto:?')).toBe(true)
    expect(share.email).not.toMatch(/[\s+]/)
    const mail = share.email.slice('mailto:?'.length).split('&').map((pair: string) => pair.split('='))
    expect(Object.fromEntries(mail.map(([key, value]: string[]) => [key, decodeURIComponent(value!)]))).toEqual({
      subject: title,
      body: canonical,
    })
  }

  it('builds encoded links for a page title with special characters', async () => {
    const title = 'Koers & kansen: één test? #1 100% zeker'
    const page = await createPage({ title })
    expect(page.slug).toBe('koers-en-kansen-een-test-1-100-zeker')
    checkShare(page.share, `${SITE}/${page.slug}`, title)
    for (const value of Object.values(page.share) as string[]) expect(value).not.toMatch(/\s/)
  })

  it('prefixes /en for the English locale', async () => {
    const page = await createPage({ title: 'Deelbare pagina' })
    const en = await request(server.url, `/api/pages/${page.id}?locale=en`)
    checkShare(en.body.share, `${SITE}/en/deelbare-pagina`, 'Deelbare pagina')
    const nl = await request(server.url, `/api/pages/${page.id}?locale=nl`)
    expect(nl.body.share.canonical).toBe(`${SITE}/deelbare-pagina`)
  })

  it('puts projects under /projecten/<slug>', async () => {
    const res = await createProject({ title: 'Project met deellinks' })
    expect(res.status).toBe(201)
    checkShare(res.body.doc.share, `${SITE}/projecten/project-met-deellinks`, 'Project met deellinks')
  })

  it('uses the parent path for a nested page, and follows a parent slug change', async () => {
    const parent = await createPage({ title: 'Over ons' })
    const child = await createPage({ title: 'Het team', parent: parent.id })
    expect(child.share.canonical).toBe(`${SITE}/over-ons/het-team`)
    expect(child.breadcrumbs.map((crumb: any) => crumb.url)).toEqual(['/over-ons', '/over-ons/het-team'])

    const renamed = await request(server.url, `/api/pages/${parent.id}`, { method: 'PATCH', token, json: { slug: 'wie-wij-zijn' } })
    expect(renamed.status).toBe(200)
    const reread = await request(server.url, `/api/pages/${child.id}`)
    expect(reread.body.share.canonical).toBe(`${SITE}/wie-wij-zijn/het-team`)
  })
})

describe('slugs', () => {
  it('are generated from the title with diacritics folded', async () => {
    const page = await createPage({ title: 'Één café à la carte – naïef & privé' })
    expect(page.slug).toBe('een-cafe-a-la-carte-naief-en-prive')
  })

  it('are unique: the same title twice gives two slugs', async () => {
    const first = await createPage({ title: 'Dubbele titel' })
    const second = await createPage({ title: 'Dubbele titel' })
    expect(first.slug).toBe('dubbele-titel')
    expect(second.slug).not.toBe(first.slug)
    expect(second.slug).toMatch(/^dubbele-titel-\d+$/)
    const both = await request(server.url, '/api/pages?where[title][equals]=Dubbele titel&limit=10')
    expect(new Set(both.body.docs.map((doc: any) => doc.slug)).size).toBe(2)
  })

  it('refuses a typed slug that is already taken, with a 400', async () => {
    const taken = await createPage({ title: 'Bezette slug' })
    const res = await request(server.url, '/api/pages', {
      method: 'POST',
      token,
      json: { title: 'Andere titel', slug: taken.slug, _status: 'published' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toEqual(expect.any(String))
    expect(res.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'slug', message: 'Deze slug is al in gebruik. Kies een andere.' }),
    ])
    const same = await request(server.url, `/api/pages?where[slug][equals]=${taken.slug}`)
    expect(same.body.totalDocs).toBe(1)
  })

  it('refuses a typed slug that another document takes on update', async () => {
    const a = await createPage({ title: 'Slug A' })
    const b = await createPage({ title: 'Slug B' })
    const res = await request(server.url, `/api/pages/${b.id}`, { method: 'PATCH', token, json: { slug: a.slug } })
    expect(res.status).toBe(400)
    expect(Array.isArray(res.body.errors)).toBe(true)
  })

  it('normalises a typed slug, or refuses one that cannot be made URL-safe', async () => {
    const normalised = await createPage({ title: 'Getypte slug', slug: 'Mijn Eigen Slug!' })
    expect(normalised.slug).toBe('mijn-eigen-slug')
    const refused = await request(server.url, '/api/pages', {
      method: 'POST',
      token,
      json: { title: 'Onbruikbare slug', slug: '!!!', _status: 'published' },
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toEqual(expect.any(String))
  })

  it('stay stable when the title changes', async () => {
    const page = await createPage({ title: 'Oorspronkelijke titel' })
    const res = await request(server.url, `/api/pages/${page.id}`, { method: 'PATCH', token, json: { title: 'Nieuwe titel' } })
    expect(res.status).toBe(200)
    expect(res.body.doc.title).toBe('Nieuwe titel')
    expect(res.body.doc.slug).toBe('oorspronkelijke-titel')
  })
})

describe('animation embedUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
  ])('%s → %s', async (externalUrl, embedUrl) => {
    const res = await request(server.url, '/api/animations?draft=true', {
      method: 'POST',
      token,
      json: { title: `Video ${externalUrl}`, externalUrl, _status: 'draft' },
    })
    expect(res.status).toBe(201)
    const read = await request(server.url, `/api/animations/${res.body.doc.id}?draft=true`, { token })
    expect(read.body.embedUrl).toBe(embedUrl)
  })

  it('refuses a link that is not YouTube or Vimeo when publishing', async () => {
    // Drafts are not validated (Payload's draft rule); publishing is. Captions and a
    // transcript are present, so the link is the only thing the publish can fail on.
    const transcript = {
      root: {
        type: 'root',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'Transcript' }] }],
      },
    }
    const res = await request(server.url, '/api/animations', {
      method: 'POST',
      token,
      json: {
        title: 'Onbekende video',
        externalUrl: 'https://example.com/video.mp4',
        captions: [{ language: 'nl', vtt: 'WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n' }],
        transcript,
        _status: 'published',
      },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain('YouTube')
  })
})

describe('project dates', () => {
  it('refuses an end date before the start date with the Dutch message', async () => {
    const res = await createProject({ title: 'Verkeerde datums', startDate: '2024-05-01T00:00:00.000Z', endDate: '2024-04-30T00:00:00.000Z' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain('De einddatum mag niet voor de startdatum liggen.')
  })

  it('accepts an end date on or after the start date', async () => {
    const res = await createProject({ title: 'Goede datums', startDate: '2024-05-01T00:00:00.000Z', endDate: '2024-05-01T00:00:00.000Z' })
    expect(res.status).toBe(201)
  })

  it('checks the stored start date when only the end date is changed', async () => {
    const created = await createProject({ title: 'Datums bijwerken', startDate: '2024-05-01T00:00:00.000Z' })
    expect(created.status).toBe(201)
    const res = await request(server.url, `/api/projects/${created.body.doc.id}`, {
      method: 'PATCH',
      token,
      json: { endDate: '2023-01-01T00:00:00.000Z' },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain('De einddatum mag niet voor de startdatum liggen.')
  })
})
