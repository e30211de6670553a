/**
 * Accounts and content for the access tests, made over HTTP like an admin and
 * an editor would. Every secret gets a random marker so a probe can tell for
 * certain whether it leaked.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { samplePdf } from '../../src/seed/sampleFiles'
import { type ApiResponse, login, registerFirstAdmin, request } from './api'

export const marker = (what: string): string => `${what}-${crypto.randomBytes(5).toString('hex')}`

export type Auth = { token?: string; apiKey?: string; headers?: Record<string, string> }

export const authHeaders = (auth: Auth = {}): Headers => {
  const headers = new Headers(auth.headers)
  if (auth.token) headers.set('Authorization', `JWT ${auth.token}`)
  if (auth.apiKey) headers.set('Authorization', `users API-Key ${auth.apiKey}`)
  return headers
}

export const get = (url: string, path: string, auth?: Auth): Promise<ApiResponse> =>
  request(url, path, { headers: authHeaders(auth) })

export const send = (url: string, method: string, path: string, json: unknown, auth?: Auth): Promise<ApiResponse> =>
  request(url, path, { method, json, headers: authHeaders(auth) })

export const gql = (url: string, query: string, auth?: Auth, variables: Record<string, unknown> = {}): Promise<ApiResponse> =>
  request(url, '/api/graphql', { method: 'POST', json: { query, variables }, headers: authHeaders(auth) })

const expectOk = (res: ApiResponse, what: string): ApiResponse => {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text.slice(0, 500)}`)
  return res
}

export type Accounts = {
  adminToken: string
  adminId: number | string
  editorToken: string
  editorId: number | string
  editorEmail: string
  previewKey: string
  previewId: number | string
}

export const PASSWORD = 'Test-wachtwoord-1'

export const createUser = async (
  url: string,
  adminToken: string,
  data: Record<string, unknown>,
): Promise<{ id: number | string; email: string }> => {
  const email = `${marker('gebruiker')}@example.test`
  const res = expectOk(await send(url, 'POST', '/api/users', { email, password: PASSWORD, ...data }, { token: adminToken }), 'create user')
  return { id: res.body.doc.id, email }
}

/** The first admin, an editor (password login) and a preview frontend (API key). */
export const createAccounts = async (url: string): Promise<Accounts> => {
  const adminToken = await registerFirstAdmin(url)
  const me = await get(url, '/api/users/me', { token: adminToken })
  const editor = await createUser(url, adminToken, { name: 'Redacteur', roles: ['editor'] })
  const editorToken = await login(url, editor.email, PASSWORD)
  const previewKey = crypto.randomUUID()
  const preview = await createUser(url, adminToken, { name: 'Preview', roles: ['preview'], enableAPIKey: true, apiKey: previewKey })
  return {
    adminToken,
    adminId: me.body.user.id,
    editorToken,
    editorId: editor.id,
    editorEmail: editor.email,
    previewKey,
    previewId: preview.id,
  }
}

/** Creates a document as an editor; `draft` keeps it unpublished. */
export const createDoc = async (
  url: string,
  token: string,
  collection: string,
  data: Record<string, unknown>,
  draft: boolean,
): Promise<any> => {
  const res = await send(
    url,
    'POST',
    `/api/${collection}${draft ? '?draft=true' : ''}`,
    { ...data, _status: draft ? 'draft' : 'published' },
    { token },
  )
  return expectOk(res, `create ${collection}`).body.doc
}

/** Uploads a file with fields, as the admin's upload form does (multipart with `_payload`). */
export const uploadDoc = async (
  url: string,
  token: string,
  collection: string,
  data: Record<string, unknown>,
  file: { bytes: Buffer; name: string; type: string },
  draft: boolean,
): Promise<any> => {
  const form = new FormData()
  form.set('_payload', JSON.stringify({ ...data, _status: draft ? 'draft' : 'published' }))
  form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  const res = await request(url, `/api/${collection}${draft ? '?draft=true' : ''}`, {
    method: 'POST',
    body: form,
    headers: authHeaders({ token }),
  })
  return expectOk(res, `upload ${collection}`).body.doc
}

export const pdf = (secretLine: string, name: string) => ({
  bytes: samplePdf(['Voorbeeldbestand', secretLine]),
  name,
  type: 'application/pdf',
})

export const webm = (name: string) => ({
  bytes: fs.readFileSync(path.resolve(import.meta.dirname, '../../src/seed/files/voorbeeldbestand-animatie.webm')),
  name,
  type: 'video/webm',
})
