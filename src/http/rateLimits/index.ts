import type { NextFunction, Request, Response } from 'express'
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible'

import { languageOf, messageIn } from '../../i18n/messages'
import type { Runtime } from '../../runtime/bridge'
import { withDatabaseTrouble } from '../api/databaseTrouble'
import { bufferedBody, readBody, sendWebResponse, toWebRequest } from '../api/webRequest'
import { clientAddress } from './clientAddress'
import { rateLimitSettings } from './settings'
import { equaliseFailedLogin } from './equalTiming'
import { createLimiter } from './store'

/** Payload's auth endpoints of the users collection, as seen under /api. */
const AUTH_PATH = /^\/users\/(login|forgot-password|first-register|reset-password|unlock)\/?$/
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

type Limiters = Record<'authAddress' | 'authAccount' | 'writes' | 'reads', RateLimiterAbstract>

/**
 * Limits per client (issue 10), mounted on /api before the routes:
 * - the auth endpoints per client address and per account (the e-mail address sent,
 *   existing or not), 429 + Retry-After; every answer of these endpoints takes at least
 *   AUTH_MIN_RESPONSE_MS, and a failed login gets one message whether the account is
 *   unknown, the password wrong or the account locked;
 * - writes and reads that reach express (not answered by the response cache) per address.
 * Settings in ./settings.ts, counters shared across processes (./store.ts).
 */
export const rateLimits = (runtime: () => Promise<Runtime> | undefined) => {
  const settings = rateLimitSettings()
  let limitersReady: Promise<Limiters> | undefined
  const createLimiters = (current: Runtime, config: typeof settings): Promise<Limiters> => {
    const made = {
      authAddress: createLimiter(current.payload, 'auth_address', config.authPerAddress),
      authAccount: createLimiter(current.payload, 'auth_account', config.authPerAccount),
      writes: createLimiter(current.payload, 'writes', config.writesPerAddress),
      reads: createLimiter(current.payload, 'reads', config.readsPerAddress),
    }
    return Promise.all(Object.values(made).map((entry) => entry.ready)).then(() => ({
      authAddress: made.authAddress.limiter,
      authAccount: made.authAccount.limiter,
      writes: made.writes.limiter,
      reads: made.reads.limiter,
    }))
  }
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!settings.enabled) return next()
    const started = runtime()
    if (!started) return next()
    const current = await started
    limitersReady ??= createLimiters(current, settings)
    const limiters = await limitersReady
    const address = clientAddress(req)
    const language = languageOf(req.headers['accept-language'])
    if (req.method === 'POST' && AUTH_PATH.test(req.path)) {
      return authRequest(req, res, current, limiters, address, language, settings.authMinimumMs)
    }
    const limiter = WRITE_METHODS.has(req.method) ? limiters.writes : limiters.reads
    const refused = await consume(limiter, address)
    if (refused) return tooMany(res, refused, language)
    next()
  }
}

/** Undefined when allowed; the limiter's answer when the client is over the limit. */
const consume = async (
  limiter: RateLimiterAbstract,
  key: string,
): Promise<RateLimiterRes | undefined> => {
  try {
    await limiter.consume(key)
    return undefined
  } catch (rejection) {
    // An Error is the store failing (the insurance limiter already counted): let it pass.
    return rejection instanceof Error ? undefined : (rejection as RateLimiterRes)
  }
}

const tooMany = (res: Response, refused: RateLimiterRes, language: 'nl' | 'en'): void => {
  res.setHeader('Retry-After', String(Math.max(1, Math.ceil(refused.msBeforeNext / 1000))))
  res.setHeader('Cache-Control', 'no-store')
  res.status(429).json({ errors: [{ message: messageIn('tooManyRequests', language) }] })
}

const authRequest = async (
  req: Request,
  res: Response,
  runtime: Runtime,
  limiters: Limiters,
  address: string,
  language: 'nl' | 'en',
  minimumMs: number,
): Promise<void> => {
  const begun = Date.now()
  const padded = () =>
    new Promise((resolve) => setTimeout(resolve, Math.max(0, minimumMs - (Date.now() - begun))))
  const body = bufferedBody(req) ?? (await readBody(req, 64 * 1024))
  if (!body) {
    res.setHeader('Cache-Control', 'no-store')
    res.status(413).json({ errors: [{ message: messageIn('requestBodyTooLarge', language) }] })
    return
  }
  const { account, password } = credentialsOf(body)
  // Both counted, every attempt: an unknown account costs the same as an existing one.
  const [byAddress, byAccount] = await Promise.all([
    consume(limiters.authAddress, address),
    consume(limiters.authAccount, account),
  ])
  const refused = byAddress ?? byAccount
  if (refused) {
    await padded()
    return tooMany(res, refused, language)
  }
  const handler = withDatabaseTrouble(runtime.payload, runtime.api.rest)
  let response = await handler(toWebRequest(req, { body }))
  if (req.path.startsWith('/users/login') && (response.status === 401 || response.status === 423)) {
    // Unknown account, wrong password, locked account: one answer (a lock message would say
    // the account exists), after the same work (./equalTiming.ts).
    await response.body?.cancel()
    await equaliseFailedLogin(runtime.payload, account, password).catch(() => undefined)
    response = globalThis.Response.json(
      { errors: [{ message: messageIn('loginFailed', language) }] },
      { status: 401, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  await padded()
  res.setHeader('Cache-Control', 'private, no-store')
  await sendWebResponse(res, response)
}

/**
 * What an auth body names, read once: the account (the e-mail address, lower case, or a
 * shared key when it names none) and the password (only to spend the same time on it).
 */
const credentialsOf = (body: Buffer): { account: string; password: string } => {
  let parsed: { email?: unknown; password?: unknown } = {}
  try {
    parsed = JSON.parse(body.toString('utf8')) ?? {}
  } catch {
    // not JSON (a form post): counted under one key
  }
  const email = typeof parsed.email === 'string' ? parsed.email.trim() : ''
  return {
    account: email ? email.toLowerCase().slice(0, 320) : '(no account)',
    password: typeof parsed.password === 'string' ? parsed.password.slice(0, 1024) : '',
  }
}
