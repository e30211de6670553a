import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { demoProject } from '../../src/seed/demo'
import { checkResponsesAgainstContract, graphql, request } from '../helpers/api'
import { runCli } from '../helpers/cli'
import { startServer, type TestServer } from '../helpers/server'

/**
 * The project overview: filter by change line, theme, province, status (and phase,
 * type), sort and paginate, on demo data. Expected results come from demoProject(n),
 * the generator's own definition, never from counts seen in a run.
 */
const N = 60
let server: TestServer
let firstSeedOutput = ''

type Demo = ReturnType<typeof demoProject>
const all: Demo[] = Array.from({ length: N }, (_, i) => demoProject(i + 1))

beforeAll(async () => {
  server = await startServer()
  checkResponsesAgainstContract()
  const { code, output } = await runCli(server, ['seed-demo', '--projects', String(N)])
  firstSeedOutput = output
  if (code !== 0) throw new Error(`seed-demo failed (${code}):\n${output.slice(-3000)}`)
})

afterAll(async () => {
  await server?.stop()
})

type Filter = { changeLine?: string; theme?: string; province?: string; status?: string; phase?: string; type?: string }

const matches = (project: Demo, filter: Filter) =>
  (!filter.changeLine || (project.changeLines as string[]).includes(filter.changeLine)) &&
  (!filter.theme || (project.themes as string[]).includes(filter.theme)) &&
  (!filter.province || project.region.province === filter.province) &&
  (!filter.status || project.status === filter.status) &&
  (!filter.phase || (project.sanctionPhases as string[]).includes(filter.phase)) &&
  (!filter.type || (project.sanctionTypes as string[]).includes(filter.type))

const byNewest = (a: Demo, b: Demo) => b.startDate.localeCompare(a.startDate)
const expectedSlugs = (filter: Filter, sort = byNewest) => all.filter((p) => matches(p, filter)).sort(sort).map((p) => p.slug)

const whereQuery = (filter: Filter) => {
  const parts = ['where[demo][equals]=true']
  if (filter.changeLine) parts.push(`where[changeLines][in]=${filter.changeLine}`)
  if (filter.theme) parts.push(`where[themes][in]=${filter.theme}`)
  if (filter.province) parts.push(`where[region.province][equals]=${filter.province}`)
  if (filter.status) parts.push(`where[status][equals]=${filter.status}`)
  if (filter.phase) parts.push(`where[sanctionPhases][in]=${filter.phase}`)
  if (filter.type) parts.push(`where[sanctionTypes][in]=${filter.type}`)
  return parts.join('&')
}

/**
 * The combination of change line + theme + province + status with the most demo
 * projects (at least two, so sorting and paging mean something), chosen from the data.
 */
const richestCombination = (): Filter => {
  let best: { filter: Filter; count: number } = { filter: {}, count: 0 }
  for (const project of all) {
    for (const changeLine of project.changeLines as string[]) {
      for (const theme of project.themes as string[]) {
        const filter = { changeLine, theme, province: project.region.province as string, status: project.status as string }
        const count = all.filter((p) => matches(p, filter)).length
        if (count > best.count) best = { filter, count }
      }
    }
  }
  return best.filter
}

describe('demo data', () => {
  it('seed-demo created N published demo projects and printed progress', async () => {
    expect(firstSeedOutput).toContain(`demo: ${N} created, 0 already there`)
    const res = await request(server.url, '/api/projects?where[demo][equals]=true&limit=0&depth=0')
    expect(res.body.totalDocs).toBe(N)
  })

  it('running seed-demo again with the same N adds nothing', async () => {
    const before = await request(server.url, '/api/projects?limit=100&depth=0&sort=id&select[updatedAt]=true')
    const { code, output } = await runCli(server, ['seed-demo', '--projects', String(N)])
    expect(code).toBe(0)
    expect(output).toContain(`demo: 0 created, ${N} already there`)
    const after = await request(server.url, '/api/projects?limit=100&depth=0&sort=id&select[updatedAt]=true')
    expect(after.body.totalDocs).toBe(N)
    expect(after.body.docs).toEqual(before.body.docs)
  })
})

describe('REST overview query', () => {
  it('the unfiltered list holds exactly the generated projects', async () => {
    const res = await request(server.url, `/api/projects?${whereQuery({})}&limit=100&depth=0&sort=title`)
    expect(res.status).toBe(200)
    expect(res.body.docs.map((doc: any) => doc.slug)).toEqual(all.map((p) => p.slug).sort())
    for (const doc of res.body.docs) {
      const source = all.find((p) => p.slug === doc.slug)!
      expect(doc.title).toBe(source.title)
      expect(doc.changeLines).toEqual(source.changeLines)
      expect(doc.region.province).toBe(source.region.province)
    }
  })

  it('filters by change line + theme + province + status, newest first', async () => {
    const filter = richestCombination()
    const expected = expectedSlugs(filter)
    expect(expected.length).toBeGreaterThanOrEqual(2)
    expect(expected.length).toBeLessThan(N)
    const res = await request(server.url, `/api/projects?${whereQuery(filter)}&sort=-startDate&limit=100&depth=0`)
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBe(expected.length)
    expect(res.body.docs.map((doc: any) => doc.slug)).toEqual(expected)
  })

  it.each<[string, Filter]>([
    ['change line', { changeLine: 'levensloop-centraal' }],
    ['theme', { theme: 'huisvesting' }],
    ['province', { province: all[4]!.region.province as string }],
    ['status', { status: 'afgerond' }],
    ['phase', { phase: 'na' }],
    ['type', { type: 'taakstraf' }],
    ['phase + type + status', { phase: 'tijdens', type: 'toezicht', status: all[1]!.status as string }],
    ['change line + theme + province + status + phase', { ...richestCombination(), phase: all[0]!.sanctionPhases![0] as string }],
  ])('filters by %s', async (_name, filter) => {
    const expected = expectedSlugs(filter)
    const res = await request(server.url, `/api/projects?${whereQuery(filter)}&sort=-startDate&limit=100&depth=0`)
    expect(res.status).toBe(200)
    expect(res.body.docs.map((doc: any) => doc.slug)).toEqual(expected)
    expect(res.body.totalDocs).toBe(expected.length)
  })

  it('a filter that matches nothing gives an empty page, not an error', async () => {
    const filter: Filter = { status: 'afgerond', province: 'nergens-in-nederland' }
    const res = await request(server.url, `/api/projects?${whereQuery({ status: 'afgerond' })}&where[region.municipality][equals]=Atlantis`)
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBe(0)
    expect(expectedSlugs(filter)).toEqual([])
  })

  it('sorts by newest (-startDate and -publishedAt) and by title', async () => {
    const newest = await request(server.url, `/api/projects?${whereQuery({})}&sort=-startDate&limit=5&depth=0`)
    expect(newest.body.docs.map((doc: any) => doc.slug)).toEqual(expectedSlugs({}).slice(0, 5))
    const oldest = await request(server.url, `/api/projects?${whereQuery({})}&sort=startDate&limit=5&depth=0`)
    expect(oldest.body.docs.map((doc: any) => doc.slug)).toEqual(expectedSlugs({}).reverse().slice(0, 5))

    const published = await request(server.url, `/api/projects?${whereQuery({})}&sort=-publishedAt&limit=100&depth=0`)
    const times = published.body.docs.map((doc: any) => Date.parse(doc.publishedAt))
    expect(times.every((t: number) => Number.isFinite(t))).toBe(true)
    expect(times).toEqual([...times].sort((a, b) => b - a))

    const byTitle = await request(server.url, `/api/projects?${whereQuery({})}&sort=title&limit=100&depth=0`)
    expect(byTitle.body.docs.map((doc: any) => doc.title)).toEqual(all.map((p) => p.title).sort())
    const byTitleDesc = await request(server.url, `/api/projects?${whereQuery({})}&sort=-title&limit=3&depth=0`)
    expect(byTitleDesc.body.docs.map((doc: any) => doc.title)).toEqual(all.map((p) => p.title).sort().reverse().slice(0, 3))
  })

  it('paginates with limit and page', async () => {
    const limit = 7
    const expected = expectedSlugs({})
    const pages = Math.ceil(expected.length / limit)
    const seen: string[] = []
    for (let page = 1; page <= pages; page++) {
      const res = await request(server.url, `/api/projects?${whereQuery({})}&sort=-startDate&limit=${limit}&page=${page}&depth=0`)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ totalDocs: expected.length, totalPages: pages, page, limit, hasNextPage: page < pages, hasPrevPage: page > 1 })
      expect(res.body.docs.map((doc: any) => doc.slug)).toEqual(expected.slice((page - 1) * limit, page * limit))
      seen.push(...res.body.docs.map((doc: any) => doc.slug))
    }
    expect(seen).toEqual(expected)
    const beyond = await request(server.url, `/api/projects?${whereQuery({})}&limit=${limit}&page=${pages + 1}&depth=0`)
    expect(beyond.body.docs).toEqual([])
  })

  it('paginates a filtered list', async () => {
    const filter: Filter = { changeLine: 'veilig-dichtbij', status: 'lopend' }
    const expected = expectedSlugs(filter)
    const res = await request(server.url, `/api/projects?${whereQuery(filter)}&sort=-startDate&limit=2&page=2&depth=0`)
    expect(res.body.totalDocs).toBe(expected.length)
    expect(res.body.totalPages).toBe(Math.ceil(expected.length / 2))
    expect(res.body.docs.map((doc: any) => doc.slug)).toEqual(expected.slice(2, 4))
  })
})

describe('GraphQL overview query', () => {
  const enumValue = (value: string) => value.replace(/-/g, '_')

  it('filters, sorts and paginates like REST', async () => {
    const filter = richestCombination()
    const expected = expectedSlugs(filter)
    const query = `query Overview($limit: Int, $page: Int) {
      Projects(
        where: {
          demo: { equals: true }
          changeLines: { in: [${enumValue(filter.changeLine!)}] }
          themes: { in: [${enumValue(filter.theme!)}] }
          region__province: { equals: ${enumValue(filter.province!)} }
          status: { equals: ${enumValue(filter.status!)} }
        }
        sort: "-startDate"
        limit: $limit
        page: $page
      ) { totalDocs totalPages page docs { slug title status changeLines region { province } } }
    }`
    const first = await graphql(server.url, query, { limit: 1, page: 1 })
    expect(first.body.errors).toBeUndefined()
    expect(first.body.data.Projects.totalDocs).toBe(expected.length)
    expect(first.body.data.Projects.totalPages).toBe(expected.length)
    expect(first.body.data.Projects.docs.map((doc: any) => doc.slug)).toEqual(expected.slice(0, 1))

    const second = await graphql(server.url, query, { limit: 1, page: 2 })
    expect(second.body.data.Projects.page).toBe(2)
    expect(second.body.data.Projects.docs.map((doc: any) => doc.slug)).toEqual(expected.slice(1, 2))

    const everything = await graphql(server.url, query, { limit: 100, page: 1 })
    const docs = everything.body.data.Projects.docs
    expect(docs.map((doc: any) => doc.slug)).toEqual(expected)
    for (const doc of docs) {
      expect(doc.changeLines).toContain(enumValue(filter.changeLine!))
      expect(doc.region.province).toBe(enumValue(filter.province!))
    }
  })
})
