import type { Response } from 'express'

/** Errors in Payload's REST shape, so clients handle our routes like /api. */
export const sendError = (res: Response, status: number, message: string): void => {
  res.status(status).json({ errors: [{ message }] })
}
