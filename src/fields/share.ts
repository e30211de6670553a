import type { FieldHook, GroupField } from 'payload'

import { label } from '../i18n/label'
import { publicSiteUrl, siteUrlFromGlobal } from '../utilities/publicSiteUrl'
import { shareLinks } from '../utilities/shareLinks'

/** The path of a document on the public site, without locale prefix. */
export type CanonicalPath = (doc: Record<string, any>) => string | undefined

const localeOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

/**
 * Canonical and share URLs, derived on read (never stored) so they follow the
 * current public base URL. English documents live under `/en` on the frontend.
 */
export const shareField = (canonicalPath: CanonicalPath): GroupField => {
  const compute: FieldHook = async ({ data, req }) => {
    if (!data) return undefined
    const path = canonicalPath(data)
    if (!path) return undefined
    const base = await publicSiteUrl(req)
    const locale = localeOf(req.locale)
    const prefix = locale === 'en' ? '/en' : ''
    const title = typeof data.title === 'string' ? data.title : ''
    return shareLinks(`${base}${prefix}${path}`, title)
  }

  const url = (name: string, nl: string, en: string) => ({
    name,
    type: 'text' as const,
    label: label(nl, en),
    admin: { readOnly: true },
  })

  return {
    name: 'share',
    type: 'group',
    virtual: true,
    label: label('Delen op social media', 'Share on social media'),
    admin: {
      readOnly: true,
      description: label(
        'Automatisch afgeleid van de publieke URL van de site.',
        'Derived from the public URL of the site.',
      ),
    },
    hooks: { afterRead: [compute] },
    // Read on the way out, not through a relationship: the response cache must know
    // (src/contentVersion/graph.ts) that these answers change when the site global does.
    ...(siteUrlFromGlobal() ? { custom: { readsFrom: ['site'] } } : {}),
    fields: [
      url('canonical', 'Canonieke URL', 'Canonical URL'),
      url('linkedin', 'LinkedIn', 'LinkedIn'),
      url('x', 'X (Twitter)', 'X (Twitter)'),
      url('facebook', 'Facebook', 'Facebook'),
      url('whatsapp', 'WhatsApp', 'WhatsApp'),
      url('email', 'E-mail', 'E-mail'),
    ],
  }
}
