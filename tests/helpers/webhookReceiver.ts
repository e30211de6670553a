import http from 'node:http'
import type net from 'node:net'

/** One POST that reached the receiver. */
export type ReceivedDelivery = {
  deliveryId: string
  body: { event: string; collection?: string; slug?: string | null; id?: number | string }
  receivedAt: number
}

/**
 * A webhook receiver in the test process: records every delivery (with its
 * X-Koers-Delivery id) and answers 200, except deliveries that `hold` picks: those it
 * keeps open without an answer (a receiver that hangs, or a node that dies while
 * sending) until `answer(slug)` or the end of the test.
 */
export const startWebhookReceiver = async (
  options: { hold?: (delivery: ReceivedDelivery) => boolean } = {},
) => {
  const received: ReceivedDelivery[] = []
  const held: { slug: string; res: http.ServerResponse }[] = []
  const server = http.createServer(async (req, res) => {
    let raw = ''
    for await (const chunk of req) raw += chunk
    const delivery: ReceivedDelivery = {
      deliveryId: String(req.headers['x-koers-delivery'] ?? ''),
      body: JSON.parse(raw),
      receivedAt: Date.now(),
    }
    received.push(delivery)
    if (options.hold?.(delivery)) {
      held.push({ slug: String(delivery.body.slug ?? ''), res })
      return
    }
    res.writeHead(200).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/hook`
  return {
    url,
    received,
    /** Deliveries of one document's event. */
    of: (slug: string, event = 'publish') =>
      received.filter((delivery) => delivery.body.slug === slug && delivery.body.event === event),
    /** Answers the held deliveries of `slug` with 200 at last. */
    answer: (slug: string) => {
      for (const entry of held.filter((entry) => entry.slug === slug)) entry.res.writeHead(200).end()
    },
    stop: async () => {
      for (const { res } of held) res.destroy()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
