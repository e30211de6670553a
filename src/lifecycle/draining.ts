/**
 * Whether this process is shutting down (SIGTERM): /readyz answers 503 so a load
 * balancer stops sending new requests, and every response asks the client to close
 * its connection. Set once, never cleared.
 */
let draining = false

export const startDraining = (): void => {
  draining = true
}

export const isDraining = (): boolean => draining
