import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import fc from 'fast-check'

import { type HostileRequest, hostileRequest, REPORTED_REQUESTS, send } from '../helpers/hostileRequests'
import { startServer, type TestServer } from '../helpers/server'

/**
 * No input gives a 500 or a dropped connection (issue 10): requests generated from
 * the real configuration's collections, fields and operators with junk values (see
 * tests/helpers/hostileRequests.ts). In `npm test`: a fixed seed and FUZZ_RUNS
 * (default 300) cases; `npm run fuzz` runs thousands with a random seed and prints
 * every 5xx with the request that caused it.
 */
const runs = Number.parseInt(process.env.FUZZ_RUNS ?? '300', 10)
const seed = Number.parseInt(process.env.FUZZ_SEED ?? '20261202', 10)

let server: TestServer

beforeAll(async () => {
  // No response cache: every request reaches Payload and the database.
  server = await startServer({ API_CACHE: 'false', API_CONCURRENCY: '4' })
})

let failed = false

afterAll(async () => {
  // What the server said about the failures (stack traces stay in its log, not in answers).
  if (failed) console.error(`server output (tail):\n${server?.output().slice(-6000)}`)
  await server?.stop()
})

type Failure = { request: HostileRequest; status: number | 'dropped'; body: string }

const sendAll = async (requests: HostileRequest[], parallel = 4): Promise<Failure[]> => {
  const failures: Failure[] = []
  let next = 0
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!
      const answer = await send(server.url, request)
      if (answer.status === 'dropped' || answer.status >= 500) {
        if (answer.status === 'dropped' && !failed) console.error(`server output at the first drop:\n${server.output().slice(-5000)}`)
        failed = true
        failures.push({ request, ...answer, body: answer.body.slice(0, 300) })
        console.error(`${answer.status} ← ${request.method} ${request.path}${request.body !== undefined ? `  body: ${request.body.slice(0, 200)}` : ''}\n  ${answer.body.slice(0, 200)}`)
      }
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker))
  return failures
}

describe('hostile input never gives a 5xx', () => {
  it('answers the requests reported in issue 10 with < 500', async () => {
    expect(await sendAll(REPORTED_REQUESTS)).toEqual([])
  })

  it(`answers ${runs} generated requests (seed ${seed}) with < 500 and never drops the connection`, async () => {
    console.info(`hostile-input: ${runs} requests, seed ${seed} (FUZZ_SEED=${seed} repeats this run)`)
    const requests = fc.sample(hostileRequest(), { numRuns: runs, seed })
    const failures = await sendAll(requests)
    console.info(`hostile-input: ${requests.length} requests, ${failures.length} × 5xx or dropped`)
    expect(failures).toEqual([])
    expect((await send(server.url, { method: 'GET', path: '/api/pages?limit=1' })).status).toBe(200)
  }, 60 * 60_000)
})
