/**
 * Child processes of the benchmark: the API server (dist/server.js), the seed
 * command and the physical-limit server. Every child is tracked and killed when the
 * benchmark exits, fails or is interrupted; each also carries orphan-guard.mjs.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const guard = path.join(root, 'scripts', 'bench', 'orphan-guard.mjs')
const children = new Set()
const tempDirs = new Set()

const killAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true })
}
process.on('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}, stopping servers`)
    process.exit(130)
  })
}

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/** A temp folder with SQLite database and media folder, removed when the benchmark exits. */
export const makeDataDir = (label, { keep = false } = {}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `koers-bench-${label}-`))
  if (!keep) tempDirs.add(dir)
  return dir
}

export const serverEnv = (dataDir, extra = {}) => ({
  ...process.env,
  NODE_ENV: 'production',
  NODE_OPTIONS: '',
  DATABASE_URI: `file:${path.join(dataDir, 'bench.db')}`,
  DATA_DIR: dataDir,
  MEDIA_DIR: path.join(dataDir, 'media'),
  PAYLOAD_SECRET: 'bench-secret-not-for-production',
  SEED_ON_START: 'true',
  JOBS_AUTORUN: 'true',
  ...extra,
})

/** Starts a tracked Node child process; output is kept (last 20 000 characters) for errors. */
export const startNode = (args, env) => {
  const child = spawn(process.execPath, ['--import', guard, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  let output = ''
  const keep = (chunk) => (output = (output + chunk).slice(-20_000))
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
  exited.then(() => children.delete(child))
  return {
    child,
    pid: child.pid,
    exited,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** `node dist/server.js seed-demo --projects N` on a data folder; resolves with its duration in ms. */
export const seedDemo = async (dataDir, projects) => {
  const started = performance.now()
  const seed = startNode(
    ['dist/server.js', 'seed-demo', '--projects', String(projects)],
    serverEnv(dataDir),
  )
  const code = await seed.exited
  if (code !== 0) throw new Error(`seed-demo failed (exit ${code}):\n${seed.output().slice(-4000)}`)
  return performance.now() - started
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Starts the API server on a free port and polls `probePath` every 20 ms; resolves
 * with the time from spawn to its first 200.
 */
export const startApiServer = async (
  dataDir,
  extraEnv = {},
  probePath = '/api/pages?limit=1',
  nodeArgs = [],
) => {
  const port = await freePort()
  const spawnedAt = performance.now()
  const server = startNode(
    // The same heap limit as `npm start`.
    ['--max-old-space-size=256', ...nodeArgs, 'dist/server.js'],
    serverEnv(dataDir, { PORT: String(port), ...extraEnv }),
  )
  const url = `http://127.0.0.1:${port}`
  const deadline = spawnedAt + 120_000
  for (;;) {
    if (server.child.exitCode !== null) {
      throw new Error(
        `API server exited with ${server.child.exitCode}:\n${server.output().slice(-4000)}`,
      )
    }
    if (performance.now() > deadline) {
      await server.stop()
      throw new Error(`API server gave no 200 within 120 s:\n${server.output().slice(-4000)}`)
    }
    const ok = await fetch(url + probePath, { signal: AbortSignal.timeout(2000) })
      .then(async (res) => {
        await res.arrayBuffer()
        return res.status === 200
      })
      .catch(() => false)
    if (ok) return { ...server, url, port, firstOkMs: performance.now() - spawnedAt }
    await sleep(20)
  }
}
