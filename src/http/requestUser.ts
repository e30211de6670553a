import type { Request } from 'express'
import type { Payload, TypedUser } from 'payload'

/**
 * The user behind an express request (JWT, cookie from an allowed origin, or API key),
 * resolved by Payload itself so these routes decide access exactly like /api does.
 */
export const requestUser = async (payload: Payload, req: Request): Promise<TypedUser | null> => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) headers.set(name, value.join(', '))
  }
  const { user } = await payload.auth({ headers })
  return user
}
