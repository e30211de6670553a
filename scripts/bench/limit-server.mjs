/**
 * The physical limit: a bare node:http server that answers each benchmark case
 * with the API's exact response bytes and headers from memory. Runs as its own
 * process, so it shares the cores with the load generator like the API does.
 *
 * Usage: node limit-server.mjs <fixtures.json> <port>
 * fixtures.json: [{ request: { method, path, body }, status, headers, body (base64) }];
 * a request whose If-None-Match equals the fixture's ETag gets 304, like from the API.
 */
import fs from 'node:fs'
import http from 'node:http'

const [file, port] = process.argv.slice(2)
const routes = new Map()
for (const fixture of JSON.parse(fs.readFileSync(file, 'utf8'))) {
  const body = Buffer.from(fixture.body, 'base64')
  const headers = { ...fixture.headers, 'content-length': String(body.length) }
  routes.set(`${fixture.request.method} ${fixture.request.path}\n${fixture.request.body ?? ''}`, {
    status: fixture.status,
    headers,
    body,
  })
}

const answer = (req, res, requestBody) => {
  const route = routes.get(`${req.method} ${req.url}\n${requestBody}`)
  if (!route) {
    res.writeHead(404).end()
  } else if (route.headers.etag && req.headers['if-none-match'] === route.headers.etag) {
    res
      .writeHead(304, {
        etag: route.headers.etag,
        'cache-control': route.headers['cache-control'] ?? 'no-cache',
      })
      .end()
  } else {
    res.writeHead(route.status, route.headers).end(route.body)
  }
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' || req.method === 'HEAD') return answer(req, res, '')
  const chunks = []
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')))
})
server.keepAliveTimeout = 5000
server.listen(Number(port), '127.0.0.1', () => console.log(`limit ready on ${port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
