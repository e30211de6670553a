import type { PayloadRequest } from 'payload'

const FALLBACK = 'http://localhost:3000'
const CONTEXT_KEY = 'publicSiteUrl'

const trimSlash = (url: string): string => url.replace(/\/+$/, '')

/**
 * The frontend's public base URL for canonical and share links.
 * `PUBLIC_SITE_URL` (deployment configuration) wins over the `site` global, so a
 * database copied from production to staging does not link to production.
 * Looked up once per request, however many documents it returns.
 */
export const publicSiteUrl = (req: PayloadRequest): Promise<string> => {
  if (process.env.PUBLIC_SITE_URL) return Promise.resolve(trimSlash(process.env.PUBLIC_SITE_URL))
  // The promise itself is shared: the share fields of a list resolve concurrently,
  // and each would otherwise read the global before the first read had finished.
  const cached = req.context?.[CONTEXT_KEY]
  if (cached instanceof Promise) return cached as Promise<string>
  const lookup = readSiteUrl(req)
  req.context[CONTEXT_KEY] = lookup
  return lookup
}

/** True when the base URL comes from the `site` global (no PUBLIC_SITE_URL): share links then read it. */
export const siteUrlFromGlobal = (): boolean => !process.env.PUBLIC_SITE_URL

const readSiteUrl = async (req: PayloadRequest): Promise<string> => {
  try {
    const site = await req.payload.findGlobal({ slug: 'site', depth: 0, req })
    if (site?.publicSiteUrl) return trimSlash(site.publicSiteUrl)
  } catch {
    // The site global may not exist yet (first start, before migrations finish).
  }
  return FALLBACK
}
