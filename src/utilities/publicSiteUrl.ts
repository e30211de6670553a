import type { PayloadRequest } from 'payload'

const FALLBACK = 'http://localhost:3000'
const CONTEXT_KEY = 'publicSiteUrl'

const trimSlash = (url: string): string => url.replace(/\/+$/, '')

/**
 * The frontend's public base URL for canonical and share links.
 * `PUBLIC_SITE_URL` (deployment configuration) wins over the `site` global, so a
 * database copied from production to staging does not link to production.
 * Looked up once per request.
 */
export const publicSiteUrl = async (req: PayloadRequest): Promise<string> => {
  if (process.env.PUBLIC_SITE_URL) return trimSlash(process.env.PUBLIC_SITE_URL)
  const cached = req.context?.[CONTEXT_KEY]
  if (typeof cached === 'string') return cached
  let url = FALLBACK
  try {
    const site = await req.payload.findGlobal({ slug: 'site', depth: 0, req })
    if (site?.publicSiteUrl) url = trimSlash(site.publicSiteUrl)
  } catch {
    // The site global may not exist yet (first start, before migrations finish).
  }
  req.context[CONTEXT_KEY] = url
  return url
}
