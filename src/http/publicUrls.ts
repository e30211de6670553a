import { pagePath } from '../collections/Pages/pagePath'

/**
 * Where published content lives on the frontend (PUBLIC_SITE_URL): the same paths the
 * share links use (src/fields/share.ts), English under `/en`. Documents get a page of
 * their own at `/documenten/<slug>`; their file stays at the CMS's /downloads/<slug>.
 */
export type PublicDoc = { slug?: string | null; breadcrumbs?: unknown }

export const publicPath = (
  collection: 'pages' | 'projects' | 'documents',
  doc: PublicDoc,
): string | undefined => {
  if (!doc.slug) return undefined
  if (collection === 'projects') return `/projecten/${doc.slug}`
  if (collection === 'documents') return `/documenten/${doc.slug}`
  return pagePath(doc) ?? `/${doc.slug}`
}

export const siteBase = (): string =>
  (process.env.PUBLIC_SITE_URL || 'http://localhost:3000').replace(/\/+$/, '')

export const localized = (path: string, locale: 'nl' | 'en'): string =>
  `${siteBase()}${locale === 'en' ? '/en' : ''}${path === '/' && locale === 'en' ? '' : path}`

export const xmlEscape = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!,
  )
