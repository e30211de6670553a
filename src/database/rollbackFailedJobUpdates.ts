import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/**
 * Payload 3.90's job bookkeeping (`updateJobs` in payload/dist/queues/utilities/updateJob.js)
 * opens a transaction, updates the job and commits — but when the update fails (say the
 * job row was deleted meanwhile: `payload_jobs_log_parent_id_fk`) it neither rolls back
 * nor releases the connection: on Postgres it stays "idle in transaction (aborted)" for
 * good, and a handful of such failures exhaust the pool. This wraps the adapter's
 * `updateJobs` so a failure rolls its transaction back (returning the connection)
 * before the error goes on.
 */
export const rollbackFailedJobUpdates = <T extends DatabaseAdapterObj>(adapter: T): T => ({
  ...adapter,
  init: (args) => {
    const db = adapter.init(args) as BaseDatabaseAdapter
    const updateJobs = db.updateJobs.bind(db)
    db.updateJobs = async (options) => {
      try {
        return await updateJobs(options)
      } catch (error) {
        const transactionID = options.req?.transactionID
        if (transactionID) await db.rollbackTransaction(transactionID).catch(() => undefined)
        throw error
      }
    }
    return db
  },
})
