import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { messages } from '../../src/i18n/messages'
import { paragraph, richText } from '../../src/seed/lexical'
import { graphql, registerFirstAdmin, request, type ApiResponse } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { imageNode, makePng, upload } from '../helpers/upload'

let server: TestServer
let token: string

/** The Dutch message up to its first placeholder: enough to prove which rule spoke. */
const dutch = (key: keyof typeof messages) => messages[key].nl.split('{')[0]

const fieldErrors = (res: ApiResponse) => {
  expect(res.status).toBe(400)
  const error = res.body.errors[0]
  expect(error.name).toBe('ValidationError')
  // The refusal names each field by its label in the editor's language (issue 9).
  expect(error.message).toMatch(
    /^(Het volgende veld is ongeldig|De volgende velden zijn ongeldig|The following fields? (is|are) invalid)/,
  )
  const errors = error.data.errors as {
    path: string
    message: string
    label?: { nl: string; en: string }
  }[]
  for (const { label } of errors) {
    expect(label).toEqual({ nl: expect.any(String), en: expect.any(String) })
    expect([label!.nl, label!.en].some((text) => error.message.includes(text))).toBe(true)
  }
  return errors.map(({ path, message }) => ({ path, message }))
}

const publish = (
  collection: string,
  id: number | string,
  json: Record<string, unknown> = {},
  headers?: Record<string, string>,
) =>
  request(server.url, `/api/${collection}/${id}`, {
    method: 'PATCH',
    json: { ...json, _status: 'published' },
    token,
    headers,
  })

const saveDraft = (collection: string, id: number | string, json: Record<string, unknown>) =>
  request(server.url, `/api/${collection}/${id}?draft=true`, { method: 'PATCH', json, token })

const createDraft = async (collection: string, json: Record<string, unknown>) => {
  const res = await request(server.url, `/api/${collection}?draft=true`, {
    method: 'POST',
    json: { ...json, _status: 'draft' },
    token,
  })
  expect(res.status).toBe(201)
  return res.body.doc as { id: number; slug: string }
}

/** What an anonymous visitor gets for this slug. */
const publicDocs = async (collection: string, slug: string) => {
  const res = await request(server.url, `/api/${collection}?where[slug][equals]=${slug}&depth=0`)
  expect(res.status).toBe(200)
  return res.body.docs as { id: number; _status: string }[]
}

const uploadImage = async (name: string, seed: number, alt?: string) => {
  const res = await upload(
    server.url,
    'media',
    { data: await makePng(seed), name, type: 'image/png' },
    alt ? { alt } : {},
    token,
  )
  expect(res.status).toBe(201)
  return res.body.doc as { id: number; filename: string; alt?: string | null }
}

beforeAll(async () => {
  server = await startServer()
  token = await registerFirstAdmin(server.url)
}, 180_000)

afterAll(async () => {
  await server?.stop()
}, 60_000)

describe('seed', () => {
  it('still publishes everything: its images have alt, the infographic a text alternative, the animation captions, transcript and file', async () => {
    expect(await publicDocs('pages', 'wat-is-koers-en-kansen')).toHaveLength(1)
    expect(await publicDocs('pages', 'over-koers-en-kansen')).toHaveLength(1)
    expect(await publicDocs('documents', 'infographic-koers-en-kansen')).toHaveLength(1)
    expect(await publicDocs('animations', 'animatie-koers-en-kansen')).toHaveLength(1)
  })

  it('checks a published document edited directly: emptying the seeded transcript is refused', async () => {
    const [animation] = await publicDocs('animations', 'animatie-koers-en-kansen')
    const res = await request(server.url, `/api/animations/${animation.id}`, {
      method: 'PATCH',
      json: { transcript: richText(paragraph('')) },
      token,
    })
    expect(fieldErrors(res)).toEqual([
      { path: 'transcript', message: messages.transcriptRequired.nl },
    ])
    expect(await publicDocs('animations', 'animatie-koers-en-kansen')).toHaveLength(1)
  })
})

describe('rule 1 and 4: images need alt text before what shows them is published', () => {
  let image: { id: number; filename: string }

  beforeAll(async () => {
    image = await uploadImage('zonder-alt.png', 1)
  })

  it('accepts an image uploaded without alt text', () => {
    expect(image.filename).toBe('zonder-alt.png')
  })

  it('refuses to publish a page whose hero image lacks alt text, naming the file', async () => {
    const page = await createDraft('pages', {
      title: 'Pagina met hoofdafbeelding',
      slug: 'guard-hero',
      heroImage: image.id,
    })
    const errors = fieldErrors(await publish('pages', page.id))
    expect(errors).toHaveLength(1)
    expect(errors[0].path).toBe('heroImage')
    expect(errors[0].message).toContain(dutch('imageAltMissing'))
    expect(errors[0].message).toContain('zonder-alt.png')
    expect(await publicDocs('pages', 'guard-hero')).toHaveLength(0)
  })

  it('refuses a share image (meta.image) without alt text at its field path', async () => {
    const page = await createDraft('pages', {
      title: 'Pagina met deelafbeelding',
      slug: 'guard-meta',
      meta: { image: image.id },
    })
    const errors = fieldErrors(await publish('pages', page.id))
    expect(errors.map((e) => e.path)).toEqual(['meta.image'])
  })

  it('refuses a page whose rich-text image lacks alt text, at `content`; after the alt is filled it publishes', async () => {
    const content = richText(paragraph('Tekst met een afbeelding.'), imageNode(image.id) as never)
    const page = await createDraft('pages', {
      title: 'Pagina met afbeelding in tekst',
      slug: 'guard-richtext',
      content,
    })
    // Saving the draft again stays possible while the image has no alt text.
    expect((await saveDraft('pages', page.id, { intro: 'Nog niet af' })).status).toBe(200)

    const errors = fieldErrors(await publish('pages', page.id))
    expect(errors).toEqual([
      { path: 'content', message: expect.stringContaining(dutch('richTextImageAltMissing')) },
    ])
    expect(errors[0].message).toContain('zonder-alt.png')
    expect(await publicDocs('pages', 'guard-richtext')).toHaveLength(0)

    const fixed = await request(server.url, `/api/media/${image.id}`, {
      method: 'PATCH',
      json: { alt: 'Een blauw vlak' },
      token,
    })
    expect(fixed.status).toBe(200)
    expect((await publish('pages', page.id)).status).toBe(200)
    const visible = await publicDocs('pages', 'guard-richtext')
    expect(visible).toHaveLength(1)
    expect(visible[0]._status).toBe('published')
    // The hero page refused earlier publishes now too: the rule reads the image's current alt.
    const hero = (
      await request(server.url, '/api/pages?where[slug][equals]=guard-hero&draft=true', { token })
    ).body.docs[0]
    expect((await publish('pages', hero.id)).status).toBe(200)
  })

  it("accepts an image in rich text that carries its own alt text (the node's alt field)", async () => {
    const bare = await uploadImage('ook-zonder-alt.png', 2)
    const content = richText(imageNode(bare.id, 'Alt tekst voor deze plek') as never)
    const page = await createDraft('pages', { title: 'Eigen alt', slug: 'guard-node-alt', content })
    expect((await publish('pages', page.id)).status).toBe(200)
    expect(await publicDocs('pages', 'guard-node-alt')).toHaveLength(1)
  })

  it('refuses a project with an image without alt in `lessons`; via GraphQL the error comes back and nothing is published', async () => {
    const bare = await uploadImage('project-zonder-alt.png', 3)
    const lessons = richText(paragraph('Wat we leerden'), imageNode(bare.id) as never)
    const project = await createDraft('projects', {
      title: 'Project met beeld',
      slug: 'guard-project',
      lessons,
    })

    const errors = fieldErrors(await publish('projects', project.id))
    expect(errors.map((e) => e.path)).toEqual(['lessons'])

    const res = await graphql(
      server.url,
      'mutation ($id: Int!) { updateProject(id: $id, data: { _status: published }) { id _status } }',
      { id: project.id },
      token,
    )
    expect(res.body.data?.updateProject ?? null).toBeNull()
    expect(res.body.errors?.[0]?.message).toBeTruthy()
    expect(JSON.stringify(res.body.errors)).toContain('lessons')
    expect(await publicDocs('projects', 'guard-project')).toHaveLength(0)

    await request(server.url, `/api/media/${bare.id}`, {
      method: 'PATCH',
      json: { alt: 'Foto van het project' },
      token,
    })
    const ok = await graphql(
      server.url,
      'mutation ($id: Int!) { updateProject(id: $id, data: { _status: published }) { id _status } }',
      { id: project.id },
      token,
    )
    expect(ok.body.errors).toBeUndefined()
    expect(ok.body.data?.updateProject?._status).toBe('published')
    expect(await publicDocs('projects', 'guard-project')).toHaveLength(1)
  })

  it('answers in English when the request language is English', async () => {
    const bare = await uploadImage('english.png', 4)
    const page = await createDraft('pages', {
      title: 'English',
      slug: 'guard-english',
      heroImage: bare.id,
    })
    const errors = fieldErrors(await publish('pages', page.id, {}, { 'Accept-Language': 'en' }))
    expect(errors[0].message).toContain(messages.imageAltMissing.en.split('{')[0])
  })
})

describe('rule 2: an infographic needs a text alternative', () => {
  it('saves a draft without one, refuses to publish (also with only an empty paragraph), publishes once filled', async () => {
    const res = await upload(
      server.url,
      'documents',
      { data: await makePng(5), name: 'infographic.png', type: 'image/png' },
      {
        title: 'Infographic zonder tekst',
        type: 'infographic',
        slug: 'guard-infographic',
        _status: 'draft',
      },
      token,
      '?draft=true',
    )
    expect(res.status).toBe(201)
    const id = res.body.doc.id

    expect(fieldErrors(await publish('documents', id))).toEqual([
      { path: 'textAlternative', message: messages.textAlternativeRequired.nl },
    ])
    expect(
      fieldErrors(await publish('documents', id, { textAlternative: richText(paragraph('  ')) })),
    ).toEqual([{ path: 'textAlternative', message: messages.textAlternativeRequired.nl }])
    expect(await publicDocs('documents', 'guard-infographic')).toHaveLength(0)

    const ok = await publish('documents', id, {
      textAlternative: richText(paragraph('De infographic toont drie veranderlijnen.')),
    })
    expect(ok.status).toBe(200)
    expect(await publicDocs('documents', 'guard-infographic')).toHaveLength(1)
  })
})

describe('rule 3: an animation needs captions, a transcript and one video source', () => {
  const vtt = 'WEBVTT\n\n00:00.000 --> 00:02.000\nWelkom bij Koers en kansen.\n'
  const webm = fs.readFileSync(
    path.resolve(import.meta.dirname, '../../src/seed/files/voorbeeldbestand-animatie.webm'),
  )

  it('refuses to publish without captions and transcript, each at its own field; publishes once both are there', async () => {
    const animation = await createDraft('animations', {
      title: 'Animatie zonder ondertiteling',
      slug: 'guard-animation',
      externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    })
    const errors = fieldErrors(await publish('animations', animation.id))
    expect(errors).toEqual([
      { path: 'captions', message: messages.captionsRequired.nl },
      { path: 'transcript', message: messages.transcriptRequired.nl },
    ])
    // Captions alone are not enough.
    expect(
      fieldErrors(
        await publish('animations', animation.id, { captions: [{ language: 'nl', vtt }] }),
      ).map((e) => e.path),
    ).toEqual(['transcript'])
    expect(await publicDocs('animations', 'guard-animation')).toHaveLength(0)

    const ok = await publish('animations', animation.id, {
      captions: [{ language: 'nl', vtt }],
      transcript: richText(paragraph('Welkom bij Koers en kansen.')),
    })
    expect(ok.status).toBe(200)
    expect(await publicDocs('animations', 'guard-animation')).toHaveLength(1)
  })

  it('refuses to publish without a video source, and with both a file and an external URL', async () => {
    const complete = {
      captions: [{ language: 'nl', vtt }],
      transcript: richText(paragraph('Tekst.')),
    }
    const none = await createDraft('animations', {
      title: 'Zonder bron',
      slug: 'guard-no-source',
      ...complete,
    })
    expect(fieldErrors(await publish('animations', none.id))).toEqual([
      { path: 'externalUrl', message: messages.videoSourceRequired.nl },
    ])

    const both = await upload(
      server.url,
      'animations',
      { data: webm, name: 'guard.webm', type: 'video/webm' },
      {
        title: 'Twee bronnen',
        slug: 'guard-two-sources',
        externalUrl: 'https://vimeo.com/76979871',
        _status: 'draft',
        ...complete,
      },
      token,
      '?draft=true',
    )
    expect(both.status).toBe(201)
    expect(fieldErrors(await publish('animations', both.body.doc.id)).map((e) => e.path)).toEqual([
      'externalUrl',
    ])

    expect((await publish('animations', both.body.doc.id, { externalUrl: null })).status).toBe(200)
    expect(await publicDocs('animations', 'guard-two-sources')).toHaveLength(1)
  })
})
