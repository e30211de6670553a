import { startServer, type TestServer } from './server'

/**
 * Several app nodes on one database, as a scaled-out deployment runs them: the first
 * creates the database, runs the migrations and seeds; the others join it (without
 * seeding) once it is ready. Each node has its own data folder and port.
 */
export const startNodes = async (
  count: number,
  env: Record<string, string> = {},
): Promise<TestServer[]> => {
  const first = await startServer(env)
  const others = await Promise.all(
    Array.from({ length: count - 1 }, () =>
      startServer({ ...env, SEED_ON_START: 'false' }, { databaseUri: first.databaseUri }),
    ),
  )
  return [first, ...others]
}

/** Stops the joined nodes first, then the one that owns (and drops) the database. */
export const stopNodes = async (nodes: (TestServer | undefined)[]): Promise<void> => {
  const [first, ...others] = nodes
  await Promise.all(others.map((node) => node?.stop()))
  await first?.stop()
}

/** Bounded polling: the value once `find` returns one, or a failure after `limitMs`. */
export const waitFor = async <T>(
  what: string,
  find: () => T | undefined | false | Promise<T | undefined | false>,
  limitMs = 30_000,
): Promise<T> => {
  const deadline = Date.now() + limitMs
  for (;;) {
    const found = await find()
    if (found !== undefined && found !== false) return found
    if (Date.now() > deadline) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
