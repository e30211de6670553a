import crypto from 'node:crypto'

import { intFromEnv } from './env'
import { resolveSecret } from './secret'

/**
 * Signed, expiring preview tokens: a frontend that carries one may read the
 * draft of exactly one document of one collection, nothing else.
 *
 * Format: `<base64url(JSON claims)>.<base64url(HMAC-SHA256(claims))>`, claims
 * `{ c: collection, id: document id, exp: unix seconds }`.
 * Key: `PREVIEW_SECRET`; without it a key derived from `PAYLOAD_SECRET`, so a
 * newcomer's server works, while production sets its own secret it can rotate
 * (rotating invalidates all open preview links, nothing else).
 * Lifetime: `PREVIEW_TOKEN_TTL_SECONDS`, default one hour.
 */
export type PreviewClaims = { collection: string; id: string; exp: number }

export type PreviewVerification =
  | { ok: true; claims: PreviewClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' }

export const PREVIEW_TOKEN_HEADER = 'x-preview-token'
export const PREVIEW_TOKEN_QUERY = 'previewToken'

export const previewTokenTtlSeconds = (): number => intFromEnv('PREVIEW_TOKEN_TTL_SECONDS', 60 * 60)

let derivedKey: Buffer | undefined

const key = (): Buffer => {
  if (process.env.PREVIEW_SECRET) return Buffer.from(process.env.PREVIEW_SECRET, 'utf8')
  derivedKey ??= crypto.createHmac('sha256', resolveSecret()).update('koers-preview-token-v1').digest()
  return derivedKey
}

const mac = (body: string): Buffer => crypto.createHmac('sha256', key()).update(body).digest()

export const signPreviewToken = (
  collection: string,
  id: string | number,
  ttlSeconds = previewTokenTtlSeconds(),
  now = Date.now(),
): { token: string; expiresAt: Date } => {
  const exp = Math.floor(now / 1000) + ttlSeconds
  const body = Buffer.from(JSON.stringify({ c: collection, id: String(id), exp }), 'utf8').toString('base64url')
  return { token: `${body}.${mac(body).toString('base64url')}`, expiresAt: new Date(exp * 1000) }
}

export const verifyPreviewToken = (token: string, now = Date.now()): PreviewVerification => {
  const parts = token.split('.')
  if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 1024) return { ok: false, reason: 'malformed' }
  const [body, signature] = parts
  const given = Buffer.from(signature, 'base64url')
  const expected = mac(body)
  // Same length first: timingSafeEqual throws on different lengths.
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature' }
  }
  let claims: { c?: unknown; id?: unknown; exp?: unknown }
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (typeof claims.c !== 'string' || typeof claims.id !== 'string' || typeof claims.exp !== 'number') {
    return { ok: false, reason: 'malformed' }
  }
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' }
  return { ok: true, claims: { collection: claims.c, id: claims.id, exp: claims.exp } }
}

/** The token a request carries: the `X-Preview-Token` header, else `?previewToken=`. */
export const previewTokenOf = (headers: Headers, searchParams?: URLSearchParams): string | undefined =>
  headers.get(PREVIEW_TOKEN_HEADER) || searchParams?.get(PREVIEW_TOKEN_QUERY) || undefined
