import { AsyncLocalStorage } from 'node:async_hooks'

import { GraphQLError, type GraphQLSchema, isObjectType } from 'graphql'

type Deadline = { until: number; expired: boolean; message: string }

const current = new AsyncLocalStorage<Deadline>()
const guarded = new WeakSet<GraphQLSchema>()

/**
 * Runs one GraphQL request under a wall-clock budget. When it is spent the caller
 * answers at once (see src/api/handlers.ts), and from then on every resolver of the
 * request refuses to start: the work stops at the next field instead of loading the
 * rest of the documents for an answer nobody reads.
 */
export const withDeadline = <T>(
  timeoutMs: number,
  message: string,
  work: () => Promise<T>,
  onTimeout: () => T,
): Promise<T> => {
  const deadline: Deadline = { until: Date.now() + timeoutMs, expired: false, message }
  // SQLite answers synchronously: a whole request can run without the timer getting a
  // turn, so resolvers compare the clock themselves and the result is checked after.
  const running = current.run(deadline, work).then((result) => (deadline.expired ? onTimeout() : result))
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      deadline.expired = true
      resolve(onTimeout())
    }, timeoutMs)
    timer.unref()
  })
  // The abandoned run still settles (its resolvers throw): never an unhandled rejection.
  running.catch(() => undefined)
  return Promise.race([running, timedOut]).finally(() => clearTimeout(timer))
}

/**
 * Wraps every resolver of `schema` (once) so that it throws when its request's
 * deadline has passed. Default resolvers (plain property reads) are left alone.
 */
export const stopResolversAfterDeadline = (schema: GraphQLSchema): void => {
  if (guarded.has(schema)) return
  guarded.add(schema)
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve
      if (!resolve) continue
      field.resolve = (source, args, context, info) => {
        const deadline = current.getStore()
        if (deadline && (deadline.expired || Date.now() > deadline.until)) {
          deadline.expired = true
          throw new GraphQLError(deadline.message, { extensions: { code: 'GRAPHQL_TIMEOUT' } })
        }
        return resolve(source, args, context, info)
      }
    }
  }
}
