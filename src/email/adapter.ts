import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

/**
 * E-mail (password resets) over SMTP, configured by SMTP_* (see .env.example). Without
 * SMTP_HOST there is no transport: Payload then says once at start that e-mail goes to
 * the console, and a reset link can only be read in the server log.
 */
export const emailAdapter = (): Promise<EmailAdapter> | undefined => {
  const host = process.env.SMTP_HOST?.trim()
  if (!host) return undefined
  const user = process.env.SMTP_USER
  const secure = process.env.SMTP_SECURE === 'true'
  return nodemailerAdapter({
    defaultFromAddress: process.env.SMTP_FROM || 'noreply@localhost',
    defaultFromName: process.env.SMTP_FROM_NAME || 'Koers en kansen CMS',
    // Do not hold up the start for a mail server that is slow or down; sending reports it.
    skipVerify: true,
    transportOptions: {
      host,
      port: Number(process.env.SMTP_PORT || (secure ? 465 : 587)),
      secure,
      ...(user ? { auth: { user, pass: process.env.SMTP_PASSWORD ?? '' } } : {}),
    },
  })
}
