import { spawn } from 'node:child_process'
import path from 'node:path'

import type { TestServer } from './server'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * Runs a one-off command of dist/server.js (`seed`, `seed-demo --projects N`) against
 * the database and folders of a running test server, as an operator would.
 */
export const runCli = (server: TestServer, args: string[]): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve, reject) => {
    let output = ''
    const child = spawn(process.execPath, ['dist/server.js', ...args], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: '',
        DATABASE_URI: server.databaseUri,
        DATA_DIR: server.dataDir,
        MEDIA_DIR: server.mediaDir,
        PAYLOAD_SECRET: 'test-secret-not-for-production',
        PUBLIC_SITE_URL: 'https://www.example.test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 110_000)
    child.once('error', reject)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
