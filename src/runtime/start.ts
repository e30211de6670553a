import config from '@payload-config'
import { getPayload } from 'payload'

import { graphqlHandler, restHandler } from '../api/handlers'
import { withStartLock } from '../database/seedLock'
import { databaseKind } from '../database/uri'
import { defaultQueue, jobLeaseSeconds, jobsRunOnThisNode } from '../jobs/config'
import { startJobRunner } from '../jobs/runner'
import { seed, seedDemo } from '../seed'
import { reindexSearch } from '../search/reindex'
import { webhookQueues } from '../webhooks/queues'
import { publishRuntime, type Runtime } from './bridge'

/**
 * First start on an empty database seeds it: always on the embedded default,
 * elsewhere only with SEED_ON_START=true (a production database starts empty on purpose).
 */
const shouldSeedOnStart = (): boolean => {
  const setting = process.env.SEED_ON_START ?? 'auto'
  if (setting === 'true') return true
  if (setting === 'false') return false
  return databaseKind() === 'sqlite'
}

const start = async (): Promise<Runtime> => {
  // Several processes may start on one empty database at once: one migrates and seeds,
  // the others wait for its lock, then find the schema and the content there.
  const { payload, runtime } = await withStartLock(async () => {
    const payload = await getPayload({ config })
    const runtime: Runtime = {
      payload,
      api: { rest: restHandler, graphql: graphqlHandler },
      seed: (options) => seed(payload, options),
      seedDemo: (options) => seedDemo(payload, options),
      searchReindex: (options) => reindexSearch(payload, options?.log),
    }
    if (shouldSeedOnStart()) {
      const { totalDocs } = await payload.count({ collection: 'pages' })
      if (totalDocs === 0) {
        payload.logger.info('Empty database: loading the seed content')
        await runtime.seed({ log: (line) => payload.logger.info(line) })
      }
    }
    return { payload, runtime }
  })
  // Scheduled publish/unpublish and webhook deliveries: every node runs jobs, each job once.
  if (jobsRunOnThisNode()) {
    runtime.jobs = startJobRunner(payload, {
      queues: [defaultQueue(), ...webhookQueues()],
      leaseSeconds: jobLeaseSeconds(),
    })
  }
  return runtime
}

export const startRuntime = (): Promise<Runtime> => publishRuntime(start())
