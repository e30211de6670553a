/**
 * `npm run bench -- --mix` (issue 12): the public cache while editors work.
 *
 * Readers load a set of 20 published REST and GraphQL URLs (what a frontend asks on
 * page views); an editor autosaves a draft of a project every 2 s and publishes it
 * every 10 s. The same readers also run alone first (read-only), so both runs are
 * measured in one invocation on one server. Every answer's X-Cache header is counted:
 * the hit ratio is the share of reads answered from the cache.
 *
 * A second case starts two server processes on one database with a private Redis:
 * the first reads the URL set (filling memory and Redis), then a fresh second process
 * reads it once; its hit ratio on that first pass is what Redis saved it.
 */
import { spawn, spawnSync } from 'node:child_process'
import net from 'node:net'

import autocannon from 'autocannon'

import { FACTSHEET, PAGE_WITH_DOCUMENTS, detailSlug } from './cases.mjs'
import { requestRaw } from './fixtures.mjs'
import { freePort } from './processes.mjs'

const CHANGE_LINE = 'veilig-dichtbij'

const graphqlPost = (query, variables = {}) => ({
  method: 'POST',
  path: '/api/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
})

const LIST_FIELDS =
  'id title slug summary changeLines status startDate heroImage { url alt } documents { title slug }'

/** 20 URLs a frontend asks for, REST and GraphQL, some depending on projects and some not. */
export const mixUrls = (projects) => {
  const demoSlug = (n) =>
    `demo-project-${String(Math.min(projects, Math.max(1, n))).padStart(4, '0')}`
  const middle = Math.ceil(projects / 2)
  const slugs = [1, 2, 3, 4].map((offset) => demoSlug(middle - offset * 3))
  return [
    {
      method: 'GET',
      path: `/api/projects?where[changeLines][in]=${CHANGE_LINE}&sort=-startDate&limit=10&depth=1`,
    },
    {
      method: 'GET',
      path: `/api/projects?where[changeLines][in]=${CHANGE_LINE}&sort=-startDate&limit=10&depth=1&page=2`,
    },
    { method: 'GET', path: '/api/projects?where[themes][in]=schulden&sort=title&limit=12&depth=0' },
    {
      method: 'GET',
      path: `/api/projects?where[slug][equals]=${detailSlug(projects)}&limit=1&depth=1`,
    },
    ...slugs.map((slug) => ({
      method: 'GET',
      path: `/api/projects?where[slug][equals]=${slug}&limit=1&depth=1`,
    })),
    graphqlPost(
      `query Overview($changeLines: [Project_changeLines_Input]) { Projects(where: { changeLines: { in: $changeLines } }, sort: "-startDate", limit: 10) { totalDocs docs { ${LIST_FIELDS} } } }`,
      { changeLines: [CHANGE_LINE.replaceAll('-', '_')] },
    ),
    graphqlPost(
      `query Detail($slug: String) { Projects(where: { slug: { equals: $slug } }, limit: 1) { docs { ${LIST_FIELDS} content lessons } } }`,
      { slug: detailSlug(projects) },
    ),
    {
      method: 'GET',
      path: `/api/graphql?query=${encodeURIComponent('{ Pages(limit: 20) { docs { title slug breadcrumbs { url label } } } }')}`,
    },
    {
      method: 'GET',
      path: `/api/pages?where[slug][equals]=${PAGE_WITH_DOCUMENTS}&limit=1&depth=1`,
    },
    {
      method: 'GET',
      path: '/api/pages?where[slug][equals]=wat-is-koers-en-kansen&limit=1&depth=1',
    },
    { method: 'GET', path: '/api/pages?limit=20&depth=0' },
    { method: 'GET', path: '/api/documents?limit=10&depth=0&sort=-publicationDate' },
    { method: 'GET', path: `/api/documents?where[slug][equals]=${FACTSHEET}&limit=1&depth=0` },
    { method: 'GET', path: '/api/globals/site?depth=1' },
    { method: 'GET', path: '/api/globals/navigation?depth=1' },
    { method: 'GET', path: '/api/globals/programme' },
    { method: 'GET', path: '/api/animations?limit=10&depth=0' },
  ]
}

const json = async (res) => {
  const text = await res.text()
  try {
    return JSON.parse(text)
  } catch {
    return { text }
  }
}

/**
 * An account for the editor (the first account of the fresh database becomes
 * administrator) and the project it edits: the newest in the overview, so every
 * publish changes answers the readers ask for.
 */
export const prepareEditor = async (baseUrl) => {
  const password = 'Bench-wachtwoord-1'
  const res = await fetch(`${baseUrl}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench-redacteur@example.test', password, name: 'Bench' }),
  })
  const body = await json(res)
  if (!body.token)
    throw new Error(`first-register failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`)
  const overview = await json(
    await fetch(
      `${baseUrl}/api/projects?where[changeLines][in]=${CHANGE_LINE}&sort=-startDate&limit=1&depth=0`,
    ),
  )
  const project = overview.docs?.[0]
  if (!project) throw new Error('no project to edit in the overview')
  return { token: body.token, project }
}

const percentile = (sorted, p) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : undefined

/**
 * The editor: an autosave of the project's draft every 2 s (as the admin does while
 * typing) and a publish every 10 s, each with a new summary. Runs until stopped.
 */
export const startEditor = (
  baseUrl,
  { token, project },
  { autosaveMs = 2000, publishMs = 10_000 } = {},
) => {
  const headers = { 'content-type': 'application/json', authorization: `JWT ${token}` }
  const stats = { autosave: [], publish: [], errors: 0 }
  let counter = 0
  const write = async (kind, query, data) => {
    const started = performance.now()
    try {
      const res = await fetch(`${baseUrl}/api/projects/${project.id}${query}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify(data),
      })
      await res.arrayBuffer()
      if (res.status !== 200) stats.errors += 1
    } catch {
      stats.errors += 1
    }
    stats[kind].push(performance.now() - started)
  }
  const autosave = setInterval(() => {
    counter += 1
    void write('autosave', '?draft=true&autosave=true', { summary: `Concept ${counter} (bench)` })
  }, autosaveMs)
  const publish = setInterval(() => {
    counter += 1
    void write('publish', '?draft=false', {
      summary: `Gepubliceerd ${counter} (bench)`,
      _status: 'published',
    })
  }, publishMs)
  return {
    stop: () => {
      clearInterval(autosave)
      clearInterval(publish)
      const summary = (list) => {
        const sorted = [...list].sort((a, b) => a - b)
        return { count: list.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) }
      }
      return {
        autosave: summary(stats.autosave),
        publish: summary(stats.publish),
        errors: stats.errors,
      }
    },
  }
}

const run = (options) =>
  new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)))
  })

/**
 * Readers: `connections` connections, each cycling through the URL set; counts the
 * X-Cache header of every answer. A warm-up run first (not counted).
 */
export const measureReaders = async (baseUrl, urls, { connections, warmup, duration, during }) => {
  const counts = { HIT: 0, MISS: 0, none: 0, bad: 0 }
  let counting = false
  const requests = urls.map((url) => ({
    ...url,
    headers: { ...(url.headers ?? {}) },
    onResponse: (status, _body, _context, headers) => {
      if (!counting) return
      if (status !== 200) counts.bad += 1
      // autocannon passes the raw header names.
      const cache = headers['x-cache'] ?? headers['X-Cache']
      if (cache === 'HIT') counts.HIT += 1
      else if (cache === 'MISS') counts.MISS += 1
      else counts.none += 1
    },
  }))
  const options = { url: baseUrl, requests, connections, timeout: 30 }
  if (warmup > 0) await run({ ...options, duration: warmup })
  counting = true
  const background = during?.()
  const result = await run({ ...options, duration })
  counting = false
  const editor = background?.stop()
  const answered = counts.HIT + counts.MISS + counts.none
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: answered,
    hits: counts.HIT,
    misses: counts.MISS,
    uncached: counts.none,
    answered,
    hitRatio: answered ? counts.HIT / answered : 0,
    badStatus: counts.bad,
    errors: result.errors + result.timeouts,
    editor,
  }
}

/** One pass over the URL set, one request at a time: how many answers were hits. */
export const onePass = async (baseUrl, urls) => {
  let hits = 0
  let bad = 0
  const started = performance.now()
  for (const url of urls) {
    const res = await requestRaw(baseUrl, url)
    if (res.status !== 200) bad += 1
    if (res.headers['x-cache'] === 'HIT') hits += 1
  }
  return { hits, total: urls.length, bad, ms: performance.now() - started }
}

const accepting = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

/** A private redis-server for the two-process case (never the machine's shared one). */
export const startBenchRedis = async () => {
  if (spawnSync('redis-server', ['--version']).status !== 0) return undefined
  const port = await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  process.on('exit', () => child.kill('SIGKILL'))
  const deadline = Date.now() + 10_000
  while (!(await accepting(port))) {
    if (Date.now() > deadline) throw new Error('redis-server did not start')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}
