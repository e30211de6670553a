import http from 'node:http'
import net from 'node:net'
import type { Socket } from 'node:net'

import type { Runtime } from '../runtime/bridge'
import { intFromEnv } from '../utilities/env'
import { closeRedis } from '../utilities/redis'
import { isDraining, startDraining } from './draining'

/** How long a shutdown may take in all (SHUTDOWN_GRACE_SECONDS, default 25: within Kubernetes' 30). */
export const shutdownGraceMs = (): number => intFromEnv('SHUTDOWN_GRACE_SECONDS', 25) * 1000
/** How long a draining node keeps accepting while load balancers notice /readyz failing (default 0). */
const shutdownDelayMs = (): number => {
  const seconds = Number.parseFloat(process.env.SHUTDOWN_DELAY_SECONDS ?? '0')
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0
}
/** A keep-alive connection idle this long while draining is closed (a client reusing it would race). */
const IDLE_CLOSE_MS = 1000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Tracks what a graceful shutdown waits for: requests in flight and, per connection,
 * whether it is busy and since when it is idle. While draining, every response asks
 * its client to close the connection (`Connection: close`), so clients move to
 * another node without an error.
 */
export const trackConnections = (server: http.Server) => {
  let inFlight = 0
  const idleSince = new Map<Socket, number | undefined>()
  server.on('connection', (socket: Socket) => {
    idleSince.set(socket, Date.now())
    socket.once('close', () => idleSince.delete(socket))
  })
  // First of the request listeners: the answer must not have started yet.
  server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight += 1
    idleSince.set(req.socket, undefined)
    if (isDraining()) res.shouldKeepAlive = false
    res.once('close', () => {
      inFlight -= 1
      if (idleSince.has(req.socket)) idleSince.set(req.socket, Date.now())
    })
  })
  return {
    inFlight: () => inFlight,
    /** Closes connections that have been idle for a while; returns how many remain. */
    closeIdle: (idleMs: number): number => {
      const now = Date.now()
      for (const [socket, since] of idleSince) {
        if (since !== undefined && now - since >= idleMs) socket.destroy()
      }
      return idleSince.size
    },
    closeAll: () => {
      for (const socket of idleSince.keys()) socket.destroy()
    },
  }
}

/**
 * SIGTERM/SIGINT: fail /readyz, stop accepting connections, finish the requests in
 * flight and the jobs this node is running, give back the job claims, close the
 * database pool and Redis, exit 0. All within SHUTDOWN_GRACE_SECONDS; what is still
 * running then is abandoned (its jobs are released for another node) and the exit
 * code is 1.
 */
export const gracefulShutdown = (options: {
  server: http.Server
  connections: ReturnType<typeof trackConnections>
  runtime: () => Promise<Runtime> | undefined
  log: (line: string) => void
}) => {
  let started = false
  return async (signal: string): Promise<void> => {
    if (started) return
    started = true
    const { server, connections, log } = options
    const graceMs = shutdownGraceMs()
    const deadline = Date.now() + graceMs
    const left = () => Math.max(0, deadline - Date.now())
    // Whatever happens below, the process ends within the grace period.
    setTimeout(() => {
      log(`shutdown: grace period of ${graceMs / 1000} s over, exiting`)
      process.exit(1)
    }, graceMs + 2000).unref()

    log(`shutdown: ${signal}, draining (grace ${graceMs / 1000} s)`)
    startDraining()
    const delay = Math.min(shutdownDelayMs(), left())
    if (delay) await sleep(delay)
    // Stop accepting without closing the keep-alive connections at once (http's own
    // close() would): a client may be writing a request into one right now.
    net.Server.prototype.close.call(server)

    const runtime = await options.runtime()?.catch(() => undefined)
    const jobs = runtime?.jobs
      ? runtime.jobs.stop(left())
      : Promise.resolve({ finished: true, released: 0 })

    while ((connections.inFlight() > 0 || connections.closeIdle(IDLE_CLOSE_MS) > 0) && left() > 0) {
      await sleep(50)
    }
    const requestsDone = connections.inFlight() === 0
    connections.closeAll()
    const { finished, released } = await jobs
    log(
      `shutdown: requests ${requestsDone ? 'finished' : 'cut off'}, jobs ${finished ? 'finished' : 'cut off'}` +
        (released ? `, ${released} job claim(s) released` : ''),
    )
    await runtime?.payload.destroy().catch(() => undefined)
    await closeRedis().catch(() => undefined)
    process.exit(requestsDone && finished ? 0 : 1)
  }
}
