import { type ChildProcess, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { freePort } from './ports'

const root = path.resolve(import.meta.dirname, '../..')

export type TestServer = {
  url: string
  port: number
  /** The server process's id (to find it in `payload_jobs.lease_owner`, or to signal it). */
  pid: number
  db: 'sqlite' | 'postgres'
  dataDir: string
  mediaDir: string
  databaseUri: string
  output: () => string
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string | null>
  stop: () => Promise<void>
}

export type StartOptions = {
  /** Join this existing database (another node's) instead of creating one; it is not dropped on stop. */
  databaseUri?: string
  /** Listen on this port (a restarted node takes its old port back). */
  port?: number
}

/** A fresh, empty Postgres database per test file on the TEST_POSTGRES_URL server. */
const createPostgresDatabase = async (): Promise<{ uri: string; drop: () => Promise<void> }> => {
  const adminUrl = process.env.TEST_POSTGRES_URL
  if (!adminUrl) throw new Error('TEST_POSTGRES_URL is not set')
  const name = `koers_test_${crypto.randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const uri = new URL(adminUrl)
  uri.pathname = `/${name}`
  return {
    uri: uri.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

/**
 * Starts the built server (dist/server.js) on a free port with its own temp data
 * and media folders and an empty database, seeded on start. Resolves when /readyz says ready.
 */
export const startServer = async (
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestServer> => {
  const db = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite'
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-test-'))
  const mediaDir = path.join(dataDir, 'media')
  let dropDatabase = async () => {}
  let databaseUri = `file:${path.join(dataDir, 'test.db')}`
  if (options.databaseUri) {
    databaseUri = options.databaseUri
  } else if (db === 'postgres') {
    const created = await createPostgresDatabase()
    databaseUri = created.uri
    dropDatabase = created.drop
  }
  const port = options.port ?? (await freePort())
  let output = ''
  // The same heap limit as `npm start` (see README, Performance).
  const child: ChildProcess = spawn(process.execPath, ['--max-old-space-size=256', 'dist/server.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '',
      PORT: String(port),
      DATABASE_URI: databaseUri,
      DATA_DIR: dataDir,
      MEDIA_DIR: mediaDir,
      PAYLOAD_SECRET: 'test-secret-not-for-production',
      PUBLIC_SITE_URL: 'https://www.example.test',
      SEED_ON_START: 'true',
      // Many requests from 127.0.0.1: the limits per client are tested in rate-limits.test.ts.
      RATE_LIMITS: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  )

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited with ${child.exitCode ?? child.signalCode}:\n${output.slice(-4000)}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server not ready within 90 s:\n${output.slice(-4000)}`)
    }
    const ready = await fetch(`${url}/readyz`)
      .then((res) => res.status === 200)
      .catch(() => false)
    if (ready) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }

  return {
    url,
    port,
    pid: child.pid!,
    db,
    dataDir,
    mediaDir,
    databaseUri,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(timer)
      }
      await dropDatabase()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
