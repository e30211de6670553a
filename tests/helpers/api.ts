import http from 'node:http'

import { assertMatchesContract } from './contract'

let contractChecks = false

/**
 * From now on (in this test file) every answer `request`/`graphql` receive is checked
 * against generated/openapi.json (./contract.ts): drift from the contract fails the test.
 */
export const checkResponsesAgainstContract = (): void => {
  contractChecks = true
}

/** Small HTTP client for tests: JSON in, status + JSON (or text) out. */
export type ApiResponse<T = any> = { status: number; headers: Headers; body: T; text: string }

export const request = async <T = any>(
  baseUrl: string,
  path: string,
  init: RequestInit & { token?: string; json?: unknown } = {},
): Promise<ApiResponse<T>> => {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('Authorization', `JWT ${init.token}`)
  let body = init.body
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify(init.json)
  }
  const res = await fetch(`${baseUrl}${path}`, { ...init, headers, body })
  const text = await res.text()
  let parsed: any = undefined
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    parsed = undefined
  }
  const result = { status: res.status, headers: res.headers, body: parsed as T, text }
  if (contractChecks) assertMatchesContract(init.method ?? 'GET', path, result)
  return result
}

export const graphql = async <T = any>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<ApiResponse<{ data?: T; errors?: { message: string }[] }>> =>
  request(baseUrl, '/api/graphql', { method: 'POST', json: { query, variables }, token })

/** The first account on an empty database: Payload's first-register flow makes it admin. */
export const registerFirstAdmin = async (baseUrl: string): Promise<string> => {
  const res = await request(baseUrl, '/api/users/first-register', {
    method: 'POST',
    json: { email: 'beheerder@example.test', password: 'Test-wachtwoord-1', name: 'Beheerder' },
  })
  if (res.status !== 200 || !res.body?.token) {
    throw new Error(`first-register failed: ${res.status} ${res.text}`)
  }
  return res.body.token as string
}

export const login = async (baseUrl: string, email: string, password: string): Promise<string> => {
  const res = await request(baseUrl, '/api/users/login', {
    method: 'POST',
    json: { email, password },
  })
  if (res.status !== 200 || !res.body?.token)
    throw new Error(`login failed: ${res.status} ${res.text}`)
  return res.body.token as string
}

/** An editor account made by the administrator; returns the editor's token (logged in). */
export const createEditor = async (
  baseUrl: string,
  adminToken: string,
  editor: { email: string; password: string; name: string },
): Promise<string> => {
  const res = await request(baseUrl, '/api/users', {
    method: 'POST',
    token: adminToken,
    json: { ...editor, roles: ['editor'] },
  })
  if (res.status !== 201) throw new Error(`creating editor failed: ${res.status} ${res.text}`)
  return login(baseUrl, editor.email, editor.password)
}

/**
 * POST raw bytes with node:http and read the answer even when the server answers
 * before the whole body is sent (as it should for a refused or too-large upload):
 * fetch would report only the reset connection. Never reuses the connection, whose
 * unread rest the server may drop.
 */
export const postRaw = (
  baseUrl: string,
  path: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<ApiResponse> =>
  new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(body.length), Connection: 'close' },
      agent: false,
    })
    req.on('response', (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => {
        let parsed: any
        try {
          parsed = JSON.parse(text)
        } catch {
          parsed = undefined
        }
        resolve({ status: res.statusCode!, headers: new Headers(), body: parsed, text })
      })
    })
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close the socket while we are still writing; its answer still counts.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    req.end(body)
  })

/**
 * Reads until `done(value)` holds (every 200 ms, up to 20 s) and returns that value; fails
 * naming `what` when it never does. For what the admin saves in the background (autosave,
 * publish) and the API then shows.
 */
export const eventually = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> => {
  let value = await read()
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    value = await read()
  }
  if (!done(value)) throw new Error(`not within 20 s: ${what}`)
  return value
}
