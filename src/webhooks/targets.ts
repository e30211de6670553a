/**
 * Revalidation webhook settings, read when used (not at import) so a server picks up
 * its environment at start. REVALIDATE_WEBHOOKS: comma-separated URLs that receive a
 * signed POST on publish, unpublish and delete. REVALIDATE_WEBHOOK_SECRET signs them.
 */
export const webhookTargets = (): string[] =>
  (process.env.REVALIDATE_WEBHOOKS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)

export const webhookSecret = (): string => process.env.REVALIDATE_WEBHOOK_SECRET ?? ''

const isBuildPhase = () => process.env.NEXT_PHASE === 'phase-production-build'

/**
 * A server with webhook targets must be able to sign its deliveries, and every target
 * must be an http(s) URL: refuse to start rather than send unsigned or nowhere.
 */
export const assertWebhookSettings = (): void => {
  const targets = webhookTargets()
  if (targets.length === 0 || isBuildPhase()) return
  if (webhookSecret().length < 16) {
    throw new Error(
      'REVALIDATE_WEBHOOKS is set but REVALIDATE_WEBHOOK_SECRET is missing or shorter than 16 characters (see .env.example).',
    )
  }
  for (const target of targets) {
    let url: URL
    try {
      url = new URL(target)
    } catch {
      throw new Error(`REVALIDATE_WEBHOOKS: "${target}" is not a URL.`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`REVALIDATE_WEBHOOKS: "${target}" must be an http(s) URL.`)
    }
  }
}
