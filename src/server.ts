/**
 * One process serves the admin (/admin), REST (/api), GraphQL (/api/graphql),
 * health checks and downloads. `node dist/server.js` serves; `… seed` loads the
 * seed content and exits; `… seed-demo --projects N` adds N demo projects.
 */
import nextEnv from '@next/env'
import next from 'next'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createHttpApp } from './http'
import { watchEventLoop } from './lifecycle/eventLoop'
import { gracefulShutdown, trackConnections } from './lifecycle/shutdown'
import { runtimeStarted } from './runtime/bridge'
import { headersTimeoutMs, requestTimeoutMs } from './utilities/env'

// The server always runs the production build (migrations, no schema push).
if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: 'production' })
// The admin renders some dates on the server (a version's breadcrumb, the restore
// dialog) and the rest in the editor's browser: both in the editors' time zone, or the
// same moment reads 11:24 in one place and 12:24 in the other. Stored dates stay UTC
// (ISO strings); every date our own code formats names its time zone explicitly.
// ADMIN_TIME_ZONE, not the host's TZ, decides: a server's TZ is usually UTC.
process.env.TZ = process.env.ADMIN_TIME_ZONE || 'Europe/Amsterdam'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
nextEnv.loadEnvConfig(root, false)

const [command, ...args] = process.argv.slice(2)
const oneOff = command === 'seed' || command === 'seed-demo' || command === 'search-reindex'
// A one-off command must not pick up scheduled jobs meant for the server.
if (oneOff) process.env.JOBS_AUTORUN = 'false'

const log = (line: string) => console.log(line)

/**
 * Next.js runs src/instrumentation.ts (which starts Payload) before it handles its
 * first request, not at prepare() in production. One request through our own
 * listener starts it, through Next's public API only.
 */
const startPayload = async (port: number) => {
  await fetch(`http://127.0.0.1:${port}/api/access`).catch(() => undefined)
  const started = runtimeStarted()
  if (!started) throw new Error('Payload did not start: src/instrumentation.ts was not run')
  return started
}

const main = async (): Promise<void> => {
  const app = next({ dev: false, dir: root })
  await app.prepare()
  const handle = app.getRequestHandler()
  const httpApp = createHttpApp({
    runtime: runtimeStarted,
    nextHandler: (req, res) => handle(req, res),
    buildId: fs.readFileSync(path.join(root, '.next', 'BUILD_ID'), 'utf8').trim(),
  })

  if (oneOff) {
    // A private listener on a free loopback port, only to start Payload inside Next.
    const server = http.createServer(httpApp).listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const runtime = await startPayload((server.address() as AddressInfo).port)
    if (command === 'seed') {
      await runtime.seed({ log })
    } else if (command === 'search-reindex') {
      await runtime.searchReindex({ log })
    } else {
      const index = args.indexOf('--projects')
      const projects = Number.parseInt(index >= 0 ? (args[index + 1] ?? '') : '50', 10)
      if (!Number.isInteger(projects) || projects < 1) {
        console.error('Usage: npm run seed:demo -- --projects N   (N ≥ 1)')
        process.exit(2)
      }
      await runtime.seedDemo({ projects, log })
    }
    process.exit(0)
  }
  if (command) {
    console.error(`Unknown command "${command}". Use: seed | seed-demo --projects N | search-reindex`)
    process.exit(2)
  }

  const port = Number.parseInt(process.env.PORT || '3000', 10)
  // Slow clients are closed (issue 10): headers within HEADERS_TIMEOUT_MS, the whole
  // request within REQUEST_TIMEOUT_MS, checked every second (Node's default: every 30 s).
  const server = http.createServer(
    {
      headersTimeout: headersTimeoutMs(),
      requestTimeout: requestTimeoutMs(),
      connectionsCheckingInterval: 1000,
    },
    httpApp,
  )
  const connections = trackConnections(server)
  server.listen(port)
  await new Promise((resolve) => server.once('listening', resolve))
  // SIGTERM (a deploy, a scale-down): drain, finish requests and jobs, exit 0. See lifecycle/shutdown.ts.
  const shutdown = gracefulShutdown({ server, connections, runtime: runtimeStarted, log })
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
  await startPayload(port)
  // From here on: starting (loading modules, migrations) blocks the loop by nature.
  watchEventLoop()
  log(
    `Koers en kansen CMS ready on http://localhost:${port}/admin (REST /api, GraphQL /api/graphql)`,
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
