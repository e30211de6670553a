import type { IncomingAuthType, PayloadRequest } from 'payload'

/**
 * The "wachtwoord vergeten" e-mail in the editor's language (Dutch unless the admin
 * language is English), with a link to the admin's reset page. The link's base is
 * SERVER_URL, else the address the request came in on.
 */
const isEnglish = (req?: PayloadRequest) => req?.i18n?.language === 'en'

const baseUrl = (req?: PayloadRequest): string => {
  const configured = req?.payload.config.serverURL
  if (configured) return configured.replace(/\/$/, '')
  const host = req?.headers.get('x-forwarded-host') ?? req?.headers.get('host')
  const proto = req?.headers.get('x-forwarded-proto') ?? 'http'
  return host ? `${proto}://${host}` : ''
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

type ForgotPassword = NonNullable<Exclude<NonNullable<IncomingAuthType['forgotPassword']>, boolean>>

export const forgotPasswordEmail: ForgotPassword = {
  generateEmailSubject: ({ req } = {}) =>
    isEnglish(req)
      ? 'Reset your password – Koers en kansen CMS'
      : 'Nieuw wachtwoord instellen – Koers en kansen CMS',
  generateEmailHTML: ({ req, token } = {}) => {
    const link = escapeHtml(`${baseUrl(req)}/admin/reset/${token ?? ''}`)
    return isEnglish(req)
      ? `<p>Someone (hopefully you) asked to reset the password of your account for the Koers en kansen CMS.</p><p><a href="${link}">Choose a new password</a></p><p>Did not ask for this? Then ignore this e-mail; your password stays the same.</p>`
      : `<p>Iemand (hopelijk u) heeft gevraagd om het wachtwoord van uw account voor het Koers en kansen CMS opnieuw in te stellen.</p><p><a href="${link}">Kies een nieuw wachtwoord</a></p><p>Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.</p>`
  },
}
