import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { demoProject } from '../../src/seed/demo'
import { checkResponsesAgainstContract, graphql, registerFirstAdmin, request } from '../helpers/api'
import { runCli } from '../helpers/cli'
import { makePdf } from '../helpers/files'
import { startServer, type TestServer } from '../helpers/server'
import { makePng, upload } from '../helpers/upload'

/**
 * Dutch full-text search (GET /api/search, GraphQL `search`): the database's own
 * stemming and ranking, published content only — also right after unpublishing —,
 * text inside uploaded PDFs and infographic text alternatives, highlighted passages.
 */
let server: TestServer
let token: string

const paragraphs = (...texts: string[]) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: texts.map((text) => ({
      type: 'paragraph',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      textFormat: 0,
      textStyle: '',
      children: [
        { type: 'text', version: 1, text, format: 0, mode: 'normal', style: '', detail: 0 },
      ],
    })),
  },
})

const project = (n: number, fields: Record<string, unknown>) => {
  const { demo: _demo, ...base } = demoProject(n)
  return { ...base, slug: `zoekproject-${n}`, ...fields }
}

const createProject = async (n: number, fields: Record<string, unknown>) => {
  const res = await request(server.url, '/api/projects', {
    method: 'POST',
    token,
    json: project(n, fields),
  })
  if (res.status !== 201) throw new Error(`create project: ${res.status} ${res.text}`)
  return res.body.doc as { id: number; slug: string }
}

const find = (query: string) => request(server.url, `/api/search?${query}`)
const slugsOf = (res: { body: any }) => res.body.docs.map((doc: any) => doc.slug)

beforeAll(async () => {
  server = await startServer()
  checkResponsesAgainstContract()
  token = await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
})

describe('search', () => {
  it('finds the seeded pages, ranked, with a highlighted passage', async () => {
    const res = await find('q=sanctie-uitvoering&type=pages')
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBeGreaterThanOrEqual(2)
    expect(slugsOf(res)).toEqual(
      expect.arrayContaining(['wat-is-koers-en-kansen', 'over-koers-en-kansen']),
    )
    const hit = res.body.docs[0]
    expect(hit).toEqual(
      expect.objectContaining({
        type: 'pages',
        title: expect.any(String),
        url: expect.stringMatching(/^https:\/\/www\.example\.test\//),
      }),
    )
    expect(hit.snippet).toMatch(/<mark>sanctie<\/mark>/i)
    const scores = res.body.docs.map((doc: any) => doc.score)
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores)
  })

  it('finds a project by a stemmed Dutch word, a compound by its first part, and ignores diacritics', async () => {
    await createProject(901, {
      title: 'Schuldhulpverlening in de Penitentiaire Inrichting',
      summary: 'Gedetineerden krijgen schuldhulpverlening en werken aan hun reïntegratie.',
    })
    expect(slugsOf(await find('q=schuldhulp&type=projects'))).toContain('zoekproject-901')
    // "schulden" and "schuldhulpverlening" share the stem "schuld…".
    expect(slugsOf(await find('q=schuld&type=projects'))).toContain('zoekproject-901')
    expect(slugsOf(await find('q=reintegratie'))).toContain('zoekproject-901')
    expect(slugsOf(await find('q=re%C3%AFntegratie'))).toContain('zoekproject-901')
    // Plural to singular: "inrichtingen" stems like "inrichting".
    expect(slugsOf(await find('q=inrichtingen'))).toContain('zoekproject-901')
    const hit = (await find('q=schuldhulp&type=projects')).body.docs.find(
      (doc: any) => doc.slug === 'zoekproject-901',
    )
    expect(hit.snippet).toContain('<mark>schuldhulpverlening</mark>')
  })

  it('finds a factsheet by a word that occurs only inside its PDF, with file type and size', async () => {
    const pdf = makePdf(['Kwartiermakers bouwen de regionale netwerken op.'])
    const res = await upload(
      server.url,
      'documents',
      { data: pdf, name: 'factsheet-netwerken.pdf', type: 'application/pdf' },
      {
        title: 'Factsheet netwerken',
        slug: 'factsheet-netwerken',
        type: 'factsheet',
        _status: 'published',
      },
      token,
    )
    expect(res.status).toBe(201)
    const found = await find('q=kwartiermaker&type=documents')
    expect(found.body.docs).toHaveLength(1)
    expect(found.body.docs[0]).toEqual(
      expect.objectContaining({
        slug: 'factsheet-netwerken',
        type: 'documents',
        fileType: 'PDF',
        fileSize: pdf.length,
        url: expect.stringContaining('/downloads/factsheet-netwerken'),
      }),
    )
    expect(found.body.docs[0].snippet).toContain('<mark>Kwartiermakers</mark>')
  })

  it('finds an infographic by its text alternative', async () => {
    const res = await upload(
      server.url,
      'documents',
      { data: await makePng(7), name: 'infographic-wachtlijst.png', type: 'image/png' },
      {
        title: 'Infographic wachtlijst',
        slug: 'infographic-wachtlijst',
        type: 'infographic',
        _status: 'published',
        textAlternative: paragraphs(
          'De grafiek toont hoe de wachtlijstreductie per regio verloopt.',
        ),
      },
      token,
    )
    expect(res.status).toBe(201)
    expect(slugsOf(await find('q=wachtlijstreductie'))).toEqual(['infographic-wachtlijst'])
  })

  it('never finds a draft, finds it once published, and forgets it right after unpublishing', async () => {
    const draft = await createProject(902, {
      title: 'Conceptproject ochtendspreekuur',
      _status: 'draft',
    })
    expect((await find('q=ochtendspreekuur')).body.totalDocs).toBe(0)

    await request(server.url, `/api/projects/${draft.id}`, {
      method: 'PATCH',
      token,
      json: { _status: 'published' },
    })
    expect(slugsOf(await find('q=ochtendspreekuur'))).toEqual(['zoekproject-902'])

    // A new draft of a published project: the public (and search) still see the published text.
    await request(server.url, `/api/projects/${draft.id}?draft=true`, {
      method: 'PATCH',
      token,
      json: { title: 'Conceptproject avondspreekuur' },
    })
    expect(slugsOf(await find('q=ochtendspreekuur'))).toEqual(['zoekproject-902'])
    expect((await find('q=avondspreekuur')).body.totalDocs).toBe(0)

    await request(server.url, `/api/projects/${draft.id}`, {
      method: 'PATCH',
      token,
      json: { _status: 'draft' },
    })
    expect((await find('q=ochtendspreekuur')).body.totalDocs).toBe(0)
    expect((await find('q=avondspreekuur')).body.totalDocs).toBe(0)

    await request(server.url, `/api/projects/${draft.id}`, { method: 'DELETE', token })
    expect((await find('q=ochtendspreekuur')).body.totalDocs).toBe(0)
  })

  it('pages through the results', async () => {
    for (let i = 0; i < 12; i++)
      await createProject(910 + i, {
        title: `Bladerproject ${i}`,
        summary: 'Over de paginatest van het zoeken.',
      })
    const first = await find('q=paginatest&limit=10&page=1')
    expect(first.body).toEqual(
      expect.objectContaining({
        totalDocs: 12,
        totalPages: 2,
        page: 1,
        hasNextPage: true,
        hasPrevPage: false,
      }),
    )
    expect(first.body.docs).toHaveLength(10)
    const second = await find('q=paginatest&limit=10&page=2')
    expect(second.body.docs).toHaveLength(2)
    const all = [...slugsOf(first), ...slugsOf(second)]
    expect(new Set(all).size).toBe(12)
  })

  it('answers over GraphQL too', async () => {
    const res = await graphql(
      server.url,
      '{ search(q: "schuldhulp", type: "projects") { totalDocs docs { type slug snippet } } }',
    )
    expect(res.status).toBe(200)
    expect(res.body.data?.search.docs.map((doc: any) => doc.slug)).toContain('zoekproject-901')
  })

  it('refuses bad input with a 400 in Payload’s shape, or as problem details', async () => {
    expect((await find('q=')).status).toBe(400)
    expect((await find('q=x&type=users')).status).toBe(400)
    const problem = await request(server.url, '/api/search?q=x&page=0', {
      headers: { Accept: 'application/problem+json' },
    })
    expect(problem.status).toBe(400)
    expect(problem.body.errors).toEqual([expect.objectContaining({ path: 'page' })])
  })

  it('search:reindex rebuilds the same index from the database and the stored files', async () => {
    const before = (await find('q=kwartiermaker')).body.totalDocs
    const { code, output } = await runCli(server, ['search-reindex'])
    expect([code, output.slice(-500)]).toEqual([0, expect.stringContaining('documents indexed')])
    expect((await find('q=kwartiermaker')).body.totalDocs).toBe(before)
    expect(slugsOf(await find('q=schuldhulp&type=projects'))).toContain('zoekproject-901')
  })
})
