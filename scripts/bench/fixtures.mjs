/**
 * Captures a case's exact response (status, headers that matter, raw body bytes)
 * with node:http, not fetch: fetch would decompress a compressed body.
 */
import http from 'node:http'

/** Headers the physical-limit server replays: what a client needs to use the bytes. */
const REPLAYED = [
  'content-type',
  'content-encoding',
  'content-disposition',
  'cache-control',
  'etag',
  'vary',
]

export const requestRaw = (baseUrl, { method, path, headers = {}, body }) =>
  new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, baseUrl),
      { method, headers, timeout: 30_000 },
      (res) => {
        const chunks = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
        )
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)))
    req.on('error', reject)
    req.end(body)
  })

/**
 * The request autocannon will send for a case, and the response it gets. A
 * conditional case first fetches the full response and sends its ETag back.
 */
export const captureCase = async (baseUrl, kase, extraHeaders = {}) => {
  const headers = { ...extraHeaders, ...kase.headers }
  if (kase.conditional) {
    const full = await requestRaw(baseUrl, { ...kase, headers })
    const etag = full.headers.etag
    if (!etag) throw new Error(`${kase.id}: no ETag on ${kase.path} (status ${full.status})`)
    headers['if-none-match'] = etag
  }
  const response = await requestRaw(baseUrl, { ...kase, headers })
  const replayed = Object.fromEntries(
    REPLAYED.filter((name) => response.headers[name] !== undefined).map((name) => [
      name,
      response.headers[name],
    ]),
  )
  return {
    request: { method: kase.method, path: kase.path, headers, body: kase.body },
    status: response.status,
    headers: replayed,
    body: response.body,
  }
}

/** The JSON body of a captured response, or undefined. */
export const jsonOf = (captured) => {
  try {
    return JSON.parse(captured.body.toString('utf8'))
  } catch {
    return undefined
  }
}
