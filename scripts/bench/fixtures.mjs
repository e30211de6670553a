/**
 * Captures a case's exact response (status, headers that matter, raw body bytes)
 * with node:http, not fetch: fetch would decompress a compressed body.
 */
import http from 'node:http'
import zlib from 'node:zlib'

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
  let full
  if (kase.conditional) {
    full = await requestRaw(baseUrl, { ...kase, headers: { ...headers } })
    const etag = full.headers.etag
    if (!etag) throw new Error(`${kase.id}: no ETag on ${kase.path} (status ${full.status})`)
    headers['if-none-match'] = etag
  }
  const response = await requestRaw(baseUrl, { ...kase, headers })
  // The limit answers a conditional request from the full response and its ETag, like the API.
  const fixture = full ?? response
  return {
    request: { method: kase.method, path: kase.path, headers, body: kase.body },
    status: response.status,
    headers: replayedHeaders(response),
    body: response.body,
    fixture: { status: fixture.status, headers: replayedHeaders(fixture), body: fixture.body },
  }
}

const replayedHeaders = (response) =>
  Object.fromEntries(
    REPLAYED.filter((name) => response.headers[name] !== undefined).map((name) => [
      name,
      response.headers[name],
    ]),
  )

const DECODERS = {
  br: zlib.brotliDecompressSync,
  gzip: zlib.gunzipSync,
  deflate: zlib.inflateSync,
}

/** The JSON body of a captured response, or undefined. */
export const jsonOf = (captured) => {
  try {
    const decode = DECODERS[captured.headers['content-encoding']] ?? ((body) => body)
    return JSON.parse(decode(captured.body).toString('utf8'))
  } catch {
    return undefined
  }
}
