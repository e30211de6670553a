#!/usr/bin/env node
/**
 * `npm run bench` — published-read benchmark against the physical limit (issue 5).
 *
 * Boots the production build on a fresh SQLite database with demo data, loads it
 * with autocannon one case at a time, once with the API response cache on (default
 * env) and once with API_CACHE=false, then runs the same load against a bare
 * node:http server answering the same bytes from memory (the limit). Prints a table
 * and writes markdown + JSON to bench-results/.
 *
 *   npm run bench -- [--projects N] [--duration S] [--warmup S] [--connections C]
 *                    [--only a,b,…] [--compressed] [--no-build] [--keep]
 *   npm run bench -- --repeat 3   cached and limit measured back to back, 3 rounds, median ratio
 *   npm run bench -- --profile DIR   one cached server per case under --cpu-prof (DIR/<case>/)
 *   npm run bench -- --scale [--sizes 100,10000]   case (a) at two data sizes
 *   npm run bench -- --mix [--connections 16] [--duration 30]   readers while an editor
 *                    autosaves and publishes, beside read-only; two processes with Redis
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { allCases, scaleCase } from './bench/cases.mjs'
import { captureCase, jsonOf, requestRaw } from './bench/fixtures.mjs'
import { measure } from './bench/load.mjs'
import {
  measureReaders,
  mixUrls,
  onePass,
  prepareEditor,
  startBenchRedis,
  startEditor,
} from './bench/mix.mjs'
import {
  freePort,
  makeDataDir,
  root,
  seedDemo,
  startApiServer,
  startNode,
} from './bench/processes.mjs'
import { fixed, machineInfo, machineLine, seconds, table, writeResults } from './bench/report.mjs'
import { sampleMemory } from './bench/rss.mjs'

const USAGE = `Usage: npm run bench -- [--projects N] [--duration S] [--warmup S] [--connections C]
                        [--only a,b,c,c-get,d,e,f,f-304] [--compressed] [--no-build] [--keep]
                        [--repeat R] [--no-uncached] [--profile DIR] [--data-dir DIR]
       npm run bench -- --scale [--sizes 100,10000] [--duration S] …
       npm run bench -- --mix [--projects N] [--connections C (16)] [--duration S (30)] …`

const { values: flags } = (() => {
  try {
    return parseArgs({
      options: {
        projects: { type: 'string', default: '1000' },
        duration: { type: 'string' },
        warmup: { type: 'string', default: '3' },
        connections: { type: 'string' },
        only: { type: 'string' },
        scale: { type: 'boolean', default: false },
        mix: { type: 'boolean', default: false },
        sizes: { type: 'string', default: '100,10000' },
        compressed: { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        repeat: { type: 'string', default: '1' },
        'no-uncached': { type: 'boolean', default: false },
        profile: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`)
    process.exit(2)
  }
})()
if (flags.help) {
  console.log(USAGE)
  process.exit(0)
}

const positiveInt = (name, value) => {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) {
    console.error(`--${name} must be a whole number ≥ 1, got "${value}"\n${USAGE}`)
    process.exit(2)
  }
  return number
}

const settings = {
  projects: positiveInt('projects', flags.projects),
  // The mixed run is longer (several publishes) and uses fewer connections (as in issue 12).
  duration: positiveInt('duration', flags.duration ?? (flags.mix ? '30' : '10')),
  warmup: Number(flags.warmup) >= 0 ? Number(flags.warmup) : 3,
  connections: positiveInt('connections', flags.connections ?? (flags.mix ? '16' : '64')),
  // Off by default: autocannon does not decompress; with it, cache and limit both serve compressed bytes.
  acceptEncoding: flags.compressed ? 'br, gzip' : undefined,
}
const load = {
  connections: settings.connections,
  warmup: settings.warmup,
  duration: settings.duration,
}
const extraHeaders = settings.acceptEncoding ? { 'accept-encoding': settings.acceptEncoding } : {}
const MODES = [
  { mode: 'cached', env: {} },
  { mode: 'uncached', env: { API_CACHE: 'false' } },
]
const log = (line) => console.log(`bench: ${line}`)

const warnIfBusy = (machine) => {
  if (machine.loadAverageAtStart[0] > machine.cpus / 2) {
    log(
      `WARNING: load average ${machine.loadAverageAtStart[0]} on ${machine.cpus} cores before the run: other work will lower every figure`,
    )
  }
}

const ensureBuild = () => {
  if (!flags['no-build']) {
    log('checking the production build (node scripts/build.mjs; skips when current)')
    const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
      cwd: root,
      stdio: 'inherit',
    })
    if (result.status !== 0)
      throw new Error(
        `the production build failed (exit ${result.status}); run \`npm run build\` and read its output`,
      )
  }
  for (const file of ['dist/server.js', '.next/BUILD_ID']) {
    if (!fs.existsSync(path.join(root, file))) {
      throw new Error(
        `the production build is missing (${file} not found): run \`npm run build\` first`,
      )
    }
  }
}

/** Captures each case's response and checks it is real (right status, non-empty result). */
const captureAll = async (url, mode, cases) => {
  const notes = []
  const captured = new Map()
  for (const kase of cases) {
    const capture = await captureCase(url, kase, extraHeaders)
    const expectStatus = kase.expectStatus ?? 200
    if (capture.status !== expectStatus) {
      const message = `${kase.id} ${kase.name}: ${capture.status} instead of ${expectStatus} for ${kase.method} ${kase.path.slice(0, 40)}…`
      if (kase.optional) {
        notes.push(`${mode}: skipped ${message}`)
        log(`${mode}: skipped ${message}`)
        continue
      }
      throw new Error(`${message}\n${capture.body.toString('utf8').slice(0, 1000)}`)
    }
    if (kase.check && !kase.check(jsonOf(capture))) {
      notes.push(
        `${mode}: ${kase.id} ${kase.name}: the response did not pass its check (empty or unpopulated result)`,
      )
      log(
        `WARNING ${mode}: ${kase.id} response failed its check: ${capture.body.toString('utf8').slice(0, 300)}`,
      )
    }
    captured.set(kase.id, capture)
    }
  return { captured, notes }
}

/**
 * Starts one API server on the data folder, captures each case's response (checks it
 * is real: right status, non-empty result), then measures each case under load.
 */
const benchServer = async (dataDir, { mode, env }, cases) => {
  log(`${mode}: starting the API server${env.API_CACHE ? ` (API_CACHE=${env.API_CACHE})` : ''}`)
  const server = await startApiServer(dataDir, env)
  log(`${mode}: first 200 after ${seconds(server.firstOkMs)} (pid ${server.pid})`)
  const memory = sampleMemory(server.pid)
  const results = new Map()
  let rss
  let captured
  let notes
  try {
    ;({ captured, notes } = await captureAll(server.url, mode, cases))
    memory.setUnderLoad(true)
    for (const kase of cases) {
      const capture = captured.get(kase.id)
      if (!capture) continue
      const result = await measure(server.url, capture.request, {
        ...load,
        expectStatus: kase.expectStatus,
      })
      results.set(kase.id, result)
      log(
        `${mode}: ${kase.id.padEnd(5)} ${fixed(result.rps).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms`,
      )
    }
    memory.setUnderLoad(false)
  } finally {
    rss = memory.finish()
    await server.stop()
  }
  log(`${mode}: peak RSS ${rss.peakRssMb} MB (under load ${rss.peakRssUnderLoadMb} MB)`)
  return { mode, firstOkMs: server.firstOkMs, ...rss, notes, captured, results }
}

/** Starts the bare node:http server with the captured bytes, in its own process. */
const startLimit = async (dataDir, cases, captured) => {
  const fixtures = cases
    .filter((kase) => captured.has(kase.id))
    .map((kase) => {
      const { request, fixture } = captured.get(kase.id)
      return { id: kase.id, request, ...fixture, body: fixture.body.toString('base64') }
    })
  const file = path.join(dataDir, 'limit-fixtures.json')
  fs.writeFileSync(file, JSON.stringify(fixtures))
  const port = await freePort()
  const limit = startNode(['scripts/bench/limit-server.mjs', file, String(port)], {
    ...process.env,
    NODE_OPTIONS: '',
  })
  const deadline = Date.now() + 10_000
  while (!limit.output().includes('limit ready')) {
    if (limit.child.exitCode !== null || Date.now() > deadline) {
      await limit.stop()
      throw new Error(`limit server did not start:\n${limit.output()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return { ...limit, url: `http://127.0.0.1:${port}` }
}

/** The limit server measured on every captured case. */
const benchLimit = async (dataDir, cases, captured) => {
  const limit = await startLimit(dataDir, cases, captured)
  const results = new Map()
  try {
    for (const kase of cases) {
      const capture = captured.get(kase.id)
      if (!capture) continue
      const result = await measure(limit.url, capture.request, {
        ...load,
        expectStatus: kase.expectStatus,
      })
      results.set(kase.id, result)
      log(
        `limit: ${kase.id.padEnd(5)} ${fixed(result.rps).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms`,
      )
    }
  } finally {
    await limit.stop()
  }
  return results
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const loadNow = () => Math.round(os.loadavg()[0] * 100) / 100

/**
 * `--repeat R` (issue 14): the cached server and the limit run side by side; each round
 * measures every case on the cached server and right after on the limit, so a ratio
 * compares two figures taken under the same machine load (other work on 2 shared cores
 * moves both). The median ratio of the rounds decides; the uncached server runs once after.
 */
const repeatedRun = async (dataDir, cases, rounds) => {
  log(`cached: starting the API server (${rounds} rounds, cached and limit back to back)`)
  const server = await startApiServer(dataDir, {})
  let limit
  const measured = []
  let notes
  let captured
  try {
    ;({ captured, notes } = await captureAll(server.url, 'cached', cases))
    limit = await startLimit(dataDir, cases, captured)
    for (let round = 1; round <= rounds; round += 1) {
      for (const kase of cases) {
        const capture = captured.get(kase.id)
        if (!capture) continue
        const options = { ...load, expectStatus: kase.expectStatus }
        const loadBefore = loadNow()
        const cached = await measure(server.url, capture.request, options)
        const bare = await measure(limit.url, capture.request, options)
        const row = { id: kase.id, name: kase.name, round, loadBefore, loadAfter: loadNow(), cached, limit: bare }
        measured.push(row)
        log(
          `round ${round}: ${kase.id.padEnd(5)} ${fixed(cached.rps).padStart(6)} req/s vs limit ${fixed(bare.rps).padStart(6)} = ${fixed(cached.rps / bare.rps, 3)}× (load ${row.loadBefore} → ${row.loadAfter}, unexpected ${cached.unexpected}, errors ${cached.errors})`,
        )
      }
    }
  } finally {
    await limit?.stop()
    await server.stop()
  }
  return { measured, notes, captured }
}

const resultColumns = (limitOf) => [
  { title: 'case', value: (row) => `${row.id} ${row.name}` },
  { title: 'server', value: (row) => row.server },
  { title: 'req/s', right: true, value: (row) => fixed(row.rps) },
  { title: 'p50 ms', right: true, value: (row) => fixed(row.p50, 1) },
  { title: 'p99 ms', right: true, value: (row) => fixed(row.p99, 1) },
  { title: 'bad status', right: true, value: (row) => row.unexpected },
  { title: 'errors', right: true, value: (row) => row.errors },
  {
    title: '× limit',
    right: true,
    value: (row) => (limitOf(row) ? fixed(row.rps / limitOf(row), 3) : '–'),
  },
]

const defaultRun = async () => {
  const started = performance.now()
  const timestamp = new Date().toISOString()
  const machine = machineInfo()
  warnIfBusy(machine)
  let cases = allCases(settings.projects)
  if (flags.only) {
    const wanted = new Set(flags.only.split(','))
    cases = cases.filter((kase) => wanted.has(kase.id))
  }
  const dataDir = makeDataDir(String(settings.projects), { keep: flags.keep })
  log(`seeding ${settings.projects} demo projects in ${dataDir}`)
  const seedMs = await seedDemo(dataDir, settings.projects)
  log(`seeded in ${seconds(seedMs)}`)

  // Files are not API responses: the download cases run on the first server only.
  const servers = []
  for (const [index, mode] of MODES.entries()) {
    const serverCases = index === 0 ? cases : cases.filter((kase) => kase.api)
    servers.push(await benchServer(dataDir, mode, serverCases))
  }
  const captured = servers[0].captured
  for (const [id, capture] of servers[1].captured) if (!captured.has(id)) captured.set(id, capture)
  log('limit: starting the bare node:http server with the same bytes')
  const limitResults = await benchLimit(dataDir, cases, captured)

  const rows = []
  for (const kase of cases) {
    for (const server of servers) {
      const result = server.results.get(kase.id)
      if (result)
        rows.push({
          id: kase.id,
          name: kase.name,
          server: kase.api ? server.mode : 'file',
          ...result,
        })
    }
    const limit = limitResults.get(kase.id)
    if (limit) rows.push({ id: kase.id, name: kase.name, server: 'limit', ...limit })
  }
  const limitOf = (row) => limitResults.get(row.id)?.rps
  const results = table(resultColumns(limitOf), rows)
  const serverTable = table(
    [
      { title: 'API server', value: (server) => server.mode },
      { title: 'first 200', right: true, value: (server) => seconds(server.firstOkMs) },
      {
        title: 'peak RSS (VmHWM)',
        right: true,
        value: (server) => `${fixed(server.peakRssMb)} MB`,
      },
      {
        title: 'peak RSS sampled under load',
        right: true,
        value: (server) => `${fixed(server.peakRssUnderLoadMb)} MB`,
      },
    ],
    servers,
  )
  const notes = servers.flatMap((server) => server.notes)
  const settingsLine = `${settings.projects} demo projects (seeded in ${seconds(seedMs)}), SQLite, ${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s per case, one case at a time${settings.acceptEncoding ? `, accept-encoding: ${settings.acceptEncoding}` : ''}`
  const sizes = cases
    .filter((kase) => captured.has(kase.id))
    .map((kase) => `${kase.id} ${captured.get(kase.id).body.length} B`)
    .join(', ')

  console.log(`\n${machineLine(machine)}\n${settingsLine}\nResponse sizes: ${sizes}\n`)
  console.log(results.text)
  console.log(`\n${serverTable.text}`)
  if (notes.length) console.log(`\nNotes:\n${notes.map((note) => `- ${note}`).join('\n')}`)

  const markdown = [
    `# Benchmark ${timestamp}`,
    '',
    `- Machine: ${machineLine(machine)}`,
    `- Settings: ${settingsLine}`,
    `- Response sizes: ${sizes}`,
    '',
    results.markdown,
    '',
    serverTable.markdown,
    ...(notes.length ? ['', 'Notes:', ...notes.map((note) => `- ${note}`)] : []),
    '',
  ].join('\n')
  const strip = ({ captured: _captured, results: serverResults, ...server }) => ({
    ...server,
    results: Object.fromEntries(serverResults),
  })
  const files = writeResults('bench', timestamp, markdown, {
    timestamp,
    machine,
    settings: { ...settings, seedMs },
    cases: cases.map(({ check: _check, ...kase }) => ({
      ...kase,
      responseBytes: captured.get(kase.id)?.body.length,
    })),
    servers: servers.map(strip),
    limit: Object.fromEntries(limitResults),
    rows,
    notes,
  })
  log(`wrote ${files.join(' and ')} (${seconds(performance.now() - started)} in total)`)
}

const selectedCases = () => {
  const cases = allCases(settings.projects)
  if (!flags.only) return cases
  const wanted = new Set(flags.only.split(','))
  return cases.filter((kase) => wanted.has(kase.id))
}

/**
 * The data folder: `--data-dir DIR` reuses one seeded before (seeded into it when it has
 * no database yet, and kept), so profile and repeated runs measure the same data.
 */
const seededDataDir = async () => {
  const reuse = flags['data-dir']
  const dataDir = reuse ? path.resolve(reuse) : makeDataDir(String(settings.projects), { keep: flags.keep })
  if (reuse && fs.existsSync(path.join(dataDir, 'bench.db'))) {
    log(`reusing the seeded data in ${dataDir}`)
    return { dataDir, seedMs: 0 }
  }
  fs.mkdirSync(dataDir, { recursive: true })
  log(`seeding ${settings.projects} demo projects in ${dataDir}`)
  const seedMs = await seedDemo(dataDir, settings.projects)
  log(`seeded in ${seconds(seedMs)}`)
  return { dataDir, seedMs }
}

/** `--repeat R`: rounds of cached vs limit back to back, median ratio per case (see repeatedRun). */
const repeatRun = async (rounds) => {
  const started = performance.now()
  const timestamp = new Date().toISOString()
  const machine = machineInfo()
  warnIfBusy(machine)
  const cases = selectedCases()
  const { dataDir, seedMs } = await seededDataDir()
  const { measured, notes, captured } = await repeatedRun(dataDir, cases, rounds)
  const uncached = flags['no-uncached']
    ? undefined
    : await benchServer(dataDir, MODES[1], cases.filter((kase) => kase.api && captured.has(kase.id)))

  const rounds_ = table(
    [
      { title: 'case', value: (row) => `${row.id} ${row.name}` },
      { title: 'round', right: true, value: (row) => row.round },
      { title: 'cached req/s', right: true, value: (row) => fixed(row.cached.rps) },
      { title: 'limit req/s', right: true, value: (row) => fixed(row.limit.rps) },
      { title: '× limit', right: true, value: (row) => fixed(row.cached.rps / row.limit.rps, 3) },
      { title: 'cached p99 ms', right: true, value: (row) => fixed(row.cached.p99, 1) },
      { title: 'bad status', right: true, value: (row) => row.cached.unexpected },
      { title: 'errors', right: true, value: (row) => row.cached.errors },
      { title: 'load 1 min', right: true, value: (row) => `${row.loadBefore} → ${row.loadAfter}` },
    ],
    measured,
  )
  const summaryRows = cases
    .filter((kase) => captured.has(kase.id))
    .map((kase) => {
      const mine = measured.filter((row) => row.id === kase.id)
      return {
        id: kase.id,
        name: kase.name,
        cached: median(mine.map((row) => row.cached.rps)),
        limit: median(mine.map((row) => row.limit.rps)),
        ratio: median(mine.map((row) => row.cached.rps / row.limit.rps)),
        uncached: uncached?.results.get(kase.id)?.rps,
        load: median(mine.map((row) => row.loadBefore)),
      }
    })
  const summary = table(
    [
      { title: 'case', value: (row) => `${row.id} ${row.name}` },
      { title: 'cached req/s (median)', right: true, value: (row) => fixed(row.cached) },
      { title: 'limit req/s (median)', right: true, value: (row) => fixed(row.limit) },
      { title: '× limit (median of rounds)', right: true, value: (row) => fixed(row.ratio, 3) },
      { title: 'uncached req/s', right: true, value: (row) => fixed(row.uncached) },
      { title: 'load (median)', right: true, value: (row) => row.load },
    ],
    summaryRows,
  )
  const settingsLine = `${settings.projects} demo projects (seeded in ${seconds(seedMs)}), SQLite, ${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s per measurement, ${rounds} rounds of cached then limit per case${settings.acceptEncoding ? `, accept-encoding: ${settings.acceptEncoding}` : ''}`
  const sizes = cases
    .filter((kase) => captured.has(kase.id))
    .map((kase) => `${kase.id} ${captured.get(kase.id).body.length} B`)
    .join(', ')
  console.log(`\n${machineLine(machine)}\n${settingsLine}\nResponse sizes: ${sizes}\n`)
  console.log(rounds_.text)
  console.log(`\n${summary.text}`)
  const allNotes = [...notes, ...(uncached?.notes ?? [])]
  if (allNotes.length) console.log(`\nNotes:\n${allNotes.map((note) => `- ${note}`).join('\n')}`)
  const markdown = [
    `# Benchmark ${timestamp} (${rounds} rounds)`,
    '',
    `- Machine: ${machineLine(machine)}`,
    `- Settings: ${settingsLine}`,
    `- Response sizes: ${sizes}`,
    '',
    summary.markdown,
    '',
    rounds_.markdown,
    ...(allNotes.length ? ['', 'Notes:', ...allNotes.map((note) => `- ${note}`)] : []),
    '',
  ].join('\n')
  const files = writeResults('bench-repeat', timestamp, markdown, {
    timestamp,
    machine,
    settings: { ...settings, seedMs, rounds },
    rounds: measured,
    summary: summaryRows,
    notes: allNotes,
  })
  log(`wrote ${files.join(' and ')} (${seconds(performance.now() - started)} in total)`)
}

/**
 * `--profile DIR`: one cached server per case under `--cpu-prof`, measured once; its
 * profile lands in DIR/<case>/ when it exits (read it with scripts/bench/profile-top.mjs).
 */
const profileRun = async (dir) => {
  const cases = selectedCases()
  const { dataDir } = await seededDataDir()
  for (const kase of cases) {
    const profileDir = path.resolve(dir, kase.id)
    fs.mkdirSync(profileDir, { recursive: true })
    const server = await startApiServer(dataDir, {}, undefined, [
      '--cpu-prof',
      `--cpu-prof-dir=${profileDir}`,
    ])
    try {
      const { captured } = await captureAll(server.url, 'cached', [kase])
      const capture = captured.get(kase.id)
      if (!capture) continue
      const result = await measure(server.url, capture.request, {
        ...load,
        expectStatus: kase.expectStatus,
      })
      log(`profile ${kase.id}: ${fixed(result.rps)} req/s (load ${loadNow()}) → ${profileDir}`)
    } finally {
      await server.stop()
    }
  }
}

const scaleRun = async () => {
  const started = performance.now()
  const timestamp = new Date().toISOString()
  const machine = machineInfo()
  warnIfBusy(machine)
  const sizes = flags.sizes.split(',').map((size) => positiveInt('sizes', size))
  const rows = []
  for (const projects of sizes) {
    const dataDir = makeDataDir(`scale-${projects}`, { keep: flags.keep })
    log(`seeding ${projects} demo projects in ${dataDir}`)
    const seedMs = await seedDemo(dataDir, projects)
    log(`seeded ${projects} in ${seconds(seedMs)}`)
    for (const mode of MODES) {
      const server = await benchServer(dataDir, mode, [scaleCase(projects)])
      const result = server.results.get('a')
      rows.push({
        projects,
        seedMs,
        mode: mode.mode,
        firstOkMs: server.firstOkMs,
        peakRssMb: server.peakRssMb,
        ...result,
      })
    }
  }
  const results = table(
    [
      { title: 'projects', right: true, value: (row) => row.projects },
      { title: 'seed time', right: true, value: (row) => seconds(row.seedMs) },
      { title: 'server', value: (row) => row.mode },
      { title: 'first 200', right: true, value: (row) => seconds(row.firstOkMs) },
      { title: 'req/s', right: true, value: (row) => fixed(row.rps) },
      { title: 'p50 ms', right: true, value: (row) => fixed(row.p50, 1) },
      { title: 'p99 ms', right: true, value: (row) => fixed(row.p99, 1) },
      { title: 'bad status', right: true, value: (row) => row.unexpected },
      { title: 'errors', right: true, value: (row) => row.errors },
      { title: 'peak RSS', right: true, value: (row) => `${fixed(row.peakRssMb)} MB` },
    ],
    rows,
  )
  const [small, large] = [sizes[0], sizes.at(-1)]
  const ratios = MODES.map(({ mode }) => {
    const a = rows.find((row) => row.projects === small && row.mode === mode)
    const b = rows.find((row) => row.projects === large && row.mode === mode)
    return {
      mode,
      small,
      large,
      rpsSlowdown: a.rps / b.rps,
      p50Ratio: b.p50 / a.p50,
      p99Ratio: b.p99 / a.p99,
    }
  })
  const ratioTable = table(
    [
      { title: 'server', value: (ratio) => ratio.mode },
      {
        title: `req/s ${small} ÷ ${large}`,
        right: true,
        value: (ratio) => `${fixed(ratio.rpsSlowdown, 2)}×`,
      },
      {
        title: `p50 ${large} ÷ ${small}`,
        right: true,
        value: (ratio) => `${fixed(ratio.p50Ratio, 2)}×`,
      },
      {
        title: `p99 ${large} ÷ ${small}`,
        right: true,
        value: (ratio) => `${fixed(ratio.p99Ratio, 2)}×`,
      },
    ],
    ratios,
  )
  const settingsLine = `case (a) REST project overview, SQLite, ${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s`
  console.log(`\n${machineLine(machine)}\n${settingsLine}\n`)
  console.log(results.text)
  console.log(`\nCost of ${large} vs ${small} projects (target: within 1.5×)\n${ratioTable.text}`)
  const markdown = [
    `# Scale benchmark ${timestamp}`,
    '',
    `- Machine: ${machineLine(machine)}`,
    `- Settings: ${settingsLine}`,
    '',
    results.markdown,
    '',
    `Cost of ${large} vs ${small} projects (target: within 1.5×)`,
    '',
    ratioTable.markdown,
    '',
  ].join('\n')
  const files = writeResults('scale', timestamp, markdown, {
    timestamp,
    machine,
    settings: { ...settings, sizes },
    rows,
    ratios,
  })
  log(`wrote ${files.join(' and ')} (${seconds(performance.now() - started)} in total)`)
}

const percent = (ratio) => (ratio === undefined ? '–' : `${fixed(ratio * 100, 1)} %`)

/**
 * Readers alone, then the same readers while an editor autosaves and publishes
 * (./bench/mix.mjs), on one cached server; then two processes sharing a private Redis.
 */
const mixRun = async () => {
  const started = performance.now()
  const timestamp = new Date().toISOString()
  const machine = machineInfo()
  warnIfBusy(machine)
  const dataDir = makeDataDir(`mix-${settings.projects}`, { keep: flags.keep })
  log(`seeding ${settings.projects} demo projects in ${dataDir}`)
  const seedMs = await seedDemo(dataDir, settings.projects)
  log(`seeded in ${seconds(seedMs)}`)
  const urls = mixUrls(settings.projects)

  log('mix: starting the API server (cache on)')
  const server = await startApiServer(dataDir, {})
  const runs = []
  let editorSummary
  try {
    const editor = await prepareEditor(server.url)
    for (const url of urls) {
      const res = await requestRaw(server.url, url)
      if (res.status !== 200)
        throw new Error(
          `${url.method} ${url.path.slice(0, 80)} answered ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`,
        )
    }
    log(
      `mix: editing project ${editor.project.id} (${editor.project.slug}); ${urls.length} reader URLs answer 200`,
    )
    const readOnly = await measureReaders(server.url, urls, load)
    runs.push({ run: 'read-only', ...readOnly })
    log(
      `mix: read-only  ${fixed(readOnly.rps)} req/s, hit ratio ${percent(readOnly.hitRatio)}, p99 ${readOnly.p99} ms`,
    )
    const mixed = await measureReaders(server.url, urls, {
      ...load,
      during: () => startEditor(server.url, editor),
    })
    runs.push({ run: 'mixed (editor)', ...mixed })
    editorSummary = mixed.editor
    log(
      `mix: mixed      ${fixed(mixed.rps)} req/s, hit ratio ${percent(mixed.hitRatio)}, p99 ${mixed.p99} ms`,
    )
  } finally {
    await server.stop()
  }

  let twoProcesses
  const redis = await startBenchRedis()
  if (!redis) log('mix: redis-server not found, skipping the two-process case')
  else {
    log(`mix: two processes with a private Redis (${redis.url})`)
    const env = { REDIS_URL: redis.url }
    const first = await startApiServer(dataDir, env)
    let second
    try {
      const firstCold = await onePass(first.url, urls)
      const firstWarm = await onePass(first.url, urls)
      second = await startApiServer(dataDir, { ...env, JOBS_AUTORUN: 'false' })
      const secondFirst = await onePass(second.url, urls)
      twoProcesses = { firstCold, firstWarm, secondFirst }
    } finally {
      await second?.stop()
      await first.stop()
      await redis.stop()
    }
  }

  const runTable = table(
    [
      { title: 'run', value: (row) => row.run },
      { title: 'hit ratio', right: true, value: (row) => percent(row.hitRatio) },
      { title: 'HIT', right: true, value: (row) => row.hits },
      { title: 'MISS', right: true, value: (row) => row.misses },
      { title: 'req/s', right: true, value: (row) => fixed(row.rps) },
      { title: 'read p50 ms', right: true, value: (row) => fixed(row.p50, 1) },
      { title: 'read p99 ms', right: true, value: (row) => fixed(row.p99, 1) },
      { title: 'bad status', right: true, value: (row) => row.badStatus },
      { title: 'errors', right: true, value: (row) => row.errors },
    ],
    runs,
  )
  const [readOnly, mixed] = runs
  const lines = [
    `p99 mixed ÷ read-only: ${fixed(mixed.p99 / readOnly.p99, 2)}× (target ≤ 2×); hit ratio mixed ${percent(mixed.hitRatio)} (target ≥ 90 %)`,
    `editor: ${editorSummary.autosave.count} autosaves (p50 ${fixed(editorSummary.autosave.p50)} ms, p99 ${fixed(editorSummary.autosave.p99)} ms), ${editorSummary.publish.count} publishes (p50 ${fixed(editorSummary.publish.p50)} ms, p99 ${fixed(editorSummary.publish.p99)} ms), ${editorSummary.errors} failed`,
    twoProcesses
      ? `two processes + Redis: first process ${twoProcesses.firstCold.hits}/${urls.length} hits cold, ${twoProcesses.firstWarm.hits}/${urls.length} on its second pass; fresh second process ${twoProcesses.secondFirst.hits}/${urls.length} = ${percent(twoProcesses.secondFirst.hits / urls.length)} hits on its first pass (target ≥ 80 %), ${fixed(twoProcesses.secondFirst.ms)} ms for the pass (first process cold: ${fixed(twoProcesses.firstCold.ms)} ms)`
      : 'two processes + Redis: not run (no redis-server)',
  ]
  const settingsLine = `${settings.projects} demo projects (seeded in ${seconds(seedMs)}), SQLite, ${urls.length} URLs (REST and GraphQL), ${settings.connections} reader connections, ${settings.warmup} s warm-up + ${settings.duration} s per run; editor: autosave every 2 s, publish every 10 s`
  console.log(`\n${machineLine(machine)}\n${settingsLine}\n`)
  console.log(runTable.text)
  console.log(`\n${lines.join('\n')}`)
  const markdown = [
    `# Mixed benchmark ${timestamp}`,
    '',
    `- Machine: ${machineLine(machine)}`,
    `- Settings: ${settingsLine}`,
    '',
    runTable.markdown,
    '',
    ...lines.map((line) => `- ${line}`),
    '',
  ].join('\n')
  const files = writeResults('mix', timestamp, markdown, {
    timestamp,
    machine,
    settings: { ...settings, seedMs },
    urls,
    runs,
    twoProcesses,
  })
  log(`wrote ${files.join(' and ')} (${seconds(performance.now() - started)} in total)`)
}

try {
  ensureBuild()
  const rounds = positiveInt('repeat', flags.repeat)
  await (flags.profile
    ? profileRun(flags.profile)
    : flags.scale
      ? scaleRun()
      : flags.mix
        ? mixRun()
        : rounds > 1
          ? repeatRun(rounds)
          : defaultRun())
  process.exit(0)
} catch (error) {
  console.error(`\nbench failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}
