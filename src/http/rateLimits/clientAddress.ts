import type { IncomingMessage } from 'node:http'

/**
 * The client's address. Behind proxies, X-Forwarded-For is believed only for as many
 * hops as TRUSTED_PROXY_HOPS says (default 0: the header is ignored, anyone can write
 * it): with 1, the address the nearest proxy saw — the last entry — is the client.
 */
export const clientAddress = (req: IncomingMessage): string => {
  const peer = req.socket.remoteAddress ?? 'unknown'
  const hops = Number.parseInt(process.env.TRUSTED_PROXY_HOPS ?? '0', 10)
  if (!Number.isInteger(hops) || hops <= 0) return peer
  const header = req.headers['x-forwarded-for']
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  // [client, proxy1, …] + peer: trust `hops` proxies counted from our side.
  return chain[chain.length - hops] ?? chain[0] ?? peer
}
