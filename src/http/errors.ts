import type { Request, Response } from 'express'

import { languageOf, type MessageKey, messages } from '../i18n/messages'

/**
 * Errors in Payload's REST shape, so clients handle our routes like /api; the
 * message comes from the translations module in the client's language.
 */
export const sendError = (req: Request, res: Response, status: number, key: MessageKey): void => {
  res.setHeader('Cache-Control', 'no-store')
  res.status(status).json({ errors: [{ message: messages[key][languageOf(req.headers['accept-language'])] }] })
}
