import crypto from 'node:crypto'

export const SIGNATURE_HEADER = 'X-Koers-Signature'
export const DELIVERY_HEADER = 'X-Koers-Delivery'

/**
 * `t=<unix seconds>,sha256=<hex HMAC-SHA256 of "<t>.<body>">`, Stripe-style: the
 * timestamp is signed with the body, so a receiver can refuse old (replayed) deliveries.
 */
export const signatureHeader = (body: string, secret: string, unixSeconds: number): string => {
  const hmac = crypto.createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')
  return `t=${unixSeconds},sha256=${hmac}`
}
