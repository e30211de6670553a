import type { Request, Response } from 'express'

/**
 * `/.well-known/security.txt` (RFC 9116) from configuration:
 * - `SECURITY_CONTACT` (required to serve it): a `mailto:` or `https:` URI; several comma-separated.
 * - `SECURITY_EXPIRES`: ISO date-time; default one year after the server started,
 *   so a forgotten file never claims to be valid for ever.
 * - `SECURITY_POLICY_URL`: optional disclosure policy (e.g. the NCSC CVD page).
 * Without a contact there is nothing truthful to publish, so the file is a 404.
 */
const startedAt = Date.now()
const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000

const expires = (): string => {
  const configured = process.env.SECURITY_EXPIRES
  const parsed = configured ? new Date(configured) : undefined
  if (parsed && !Number.isNaN(parsed.getTime())) return parsed.toISOString()
  if (configured) console.warn(`[koers] SECURITY_EXPIRES "${configured}" is not an ISO date; using one year from now.`)
  return new Date(startedAt + ONE_YEAR_MS).toISOString()
}

const list = (value: string | undefined): string[] =>
  (value || '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

export const securityTxtBody = (): string | null => {
  const contacts = list(process.env.SECURITY_CONTACT)
  if (contacts.length === 0) return null
  const lines = contacts.map((contact) => `Contact: ${contact}`)
  lines.push(`Expires: ${expires()}`)
  lines.push('Preferred-Languages: nl, en')
  for (const policy of list(process.env.SECURITY_POLICY_URL)) lines.push(`Policy: ${policy}`)
  const serverUrl = process.env.SERVER_URL?.replace(/\/+$/, '')
  if (serverUrl) lines.push(`Canonical: ${serverUrl}/.well-known/security.txt`)
  return `${lines.join('\n')}\n`
}

export const securityTxt = (_req: Request, res: Response): void => {
  const body = securityTxtBody()
  if (!body) {
    res.status(404).json({ errors: [{ message: 'Not Found' }] })
    return
  }
  res.setHeader('Cache-Control', 'public, max-age=3600')
  res.type('text/plain; charset=utf-8').send(body)
}
