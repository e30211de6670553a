import type { Payload, PayloadRequest } from 'payload'

/**
 * Work that may only happen once a change is final: removing the files a save replaced.
 * Hooks run inside the request's database transaction; a later refusal (a guardrail, a
 * failing hook, the database) rolls the rows back, but not a deleted file. So the work
 * waits for the transaction's commit and is dropped on rollback. Without a transaction
 * (the adapter has none) it runs at once — called from the last hook, that is the end.
 */

type Action = () => Promise<void>

const pending = new Map<unknown, Action[]>()

const run = async (payload: Payload, actions: Action[] | undefined) => {
  for (const action of actions ?? []) {
    await action().catch((error: unknown) =>
      payload.logger.error({ err: error, msg: 'Work after a committed change failed' }),
    )
  }
}

export const afterCommit = async (req: PayloadRequest, action: Action): Promise<void> => {
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  if (id === undefined || id === null || id === '') {
    await run(req.payload, [action])
    return
  }
  pending.set(id, [...(pending.get(id) ?? []), action])
}

type TransactionId = Parameters<Payload['db']['commitTransaction']>[0]

/** Teaches the database adapter to run the queued work on commit and forget it on rollback. */
export const runWorkAfterCommit = (payload: Payload): void => {
  const db = payload.db
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  const key = async (id: TransactionId) => (id instanceof Promise ? await id : id)
  db.commitTransaction = async (id: TransactionId) => {
    const resolved = await key(id)
    await commit(id)
    const actions = pending.get(resolved)
    pending.delete(resolved)
    await run(payload, actions)
  }
  db.rollbackTransaction = async (id: TransactionId) => {
    pending.delete(await key(id))
    await rollback(id)
  }
}
