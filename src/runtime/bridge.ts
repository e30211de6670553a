import type { Payload } from 'payload'

import type { JobRunner } from '../jobs/runner'

/**
 * The express server (src/server.ts) and the Next.js bundle share one Payload
 * instance: Next's instrumentation starts it and publishes it here, so the
 * project's own HTTP routes never start a second instance beside the admin's.
 */
export type Runtime = {
  payload: Payload
  /** Payload's REST and GraphQL handlers (src/api/handlers.ts), served by express for /api. */
  api: { rest: (request: Request) => Promise<Response>; graphql: (request: Request) => Promise<Response> }
  seed: (options?: { log?: (line: string) => void }) => Promise<void>
  seedDemo: (options: { projects: number; log?: (line: string) => void }) => Promise<void>
  /** Rebuilds the search index from the published content (src/search/reindex.ts). */
  searchReindex: (options?: { log?: (line: string) => void }) => Promise<number>
  /** This node's job runner; undefined when JOBS_AUTORUN=false (or for one-off commands). */
  jobs?: JobRunner
}

const KEY = Symbol.for('koers-en-kansen.runtime')

type Holder = { [KEY]?: Promise<Runtime> }

export const publishRuntime = (runtime: Promise<Runtime>): Promise<Runtime> => {
  const holder = globalThis as Holder
  holder[KEY] ??= runtime
  return holder[KEY]
}

export const runtimeStarted = (): Promise<Runtime> | undefined => (globalThis as Holder)[KEY]
