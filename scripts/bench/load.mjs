/**
 * One load measurement with autocannon: a warm-up (discarded), then the measured
 * run, same connections and request. Counts every answer that is not the expected
 * status (200, or 304 for a conditional request) plus socket errors and timeouts.
 */
import autocannon from 'autocannon'

const run = (options) =>
  new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)))
  })

export const measure = async (
  baseUrl,
  request,
  { connections, warmup, duration, expectStatus = 200 },
) => {
  const options = {
    url: baseUrl + request.path,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections,
    timeout: 30,
  }
  if (warmup > 0) await run({ ...options, duration: warmup })
  const result = await run({ ...options, duration })
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
  )
  const answered = Object.values(statusCodes).reduce((sum, count) => sum + count, 0)
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: answered,
    unexpected: answered - (statusCodes[expectStatus] ?? 0),
    errors: result.errors + result.timeouts,
    statusCodes,
    throughputBytesPerSec: result.throughput.average,
  }
}
