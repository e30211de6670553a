import type { Request, Response } from 'express'

import type { Runtime } from '../runtime/bridge'

/** Liveness: the process answers. */
export const healthz = (_req: Request, res: Response): void => {
  res.status(200).json({ status: 'ok' })
}

/** Readiness: Payload has started and its database answers a query right now. */
export const readyz =
  (runtime: () => Promise<Runtime> | undefined) =>
  async (_req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store')
    const pending = runtime()
    if (!pending) {
      res.status(503).json({ status: 'unavailable', reason: 'Payload has not started yet' })
      return
    }
    try {
      const { payload } = await pending
      await withTimeout(payload.count({ collection: 'users', overrideAccess: true }), 3000)
      res.status(200).json({ status: 'ready', database: payload.db.name })
    } catch (error) {
      res.status(503).json({ status: 'unavailable', reason: `database: ${(error as Error).message}` })
    }
  }

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
