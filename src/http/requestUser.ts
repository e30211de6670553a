import type { Request } from 'express'
import type { Payload, PayloadRequest, TypedUser } from 'payload'

import { previewTokenOf } from '../utilities/previewToken'

/** An express request's headers as web Headers, the form Payload reads. */
export const headersOf = (req: Request): Headers => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) headers.set(name, value.join(', '))
  }
  return headers
}

/**
 * The user behind an express request (JWT, cookie from an allowed origin, or API key),
 * resolved by Payload itself so these routes decide access exactly like /api does.
 */
export const requestUser = async (payload: Payload, req: Request): Promise<TypedUser | null> => {
  const { user } = await payload.auth({ headers: headersOf(req) })
  return user
}

/**
 * The parts of a Payload request the access rules read besides the user: headers and
 * query (a preview token travels in either). Pass as `req` to the Local API.
 */
export const accessContextOf = (req: Request): Partial<PayloadRequest> => {
  const url = new URL(req.originalUrl, 'http://localhost')
  return { headers: headersOf(req), searchParams: url.searchParams }
}

/**
 * Whether the answer is the same for everybody: no user and no preview token. Only
 * such answers may be cached publicly and counted as public downloads.
 */
export const isAnonymous = (req: Request, user: TypedUser | null): boolean => {
  if (user) return false
  const url = new URL(req.originalUrl, 'http://localhost')
  return !previewTokenOf(headersOf(req), url.searchParams)
}
