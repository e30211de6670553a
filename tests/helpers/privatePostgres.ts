import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './ports'

/**
 * A Postgres server of a test's own (Debian's binaries, a temp data folder, a free
 * port), for tests that stop, start or kill the database: the shared server at
 * TEST_POSTGRES_URL serves every other test file and must never be stopped.
 * Runs as the `postgres` user when the tests run as root (Postgres refuses root).
 */
export type PrivatePostgres = {
  /** Connection URI of the `postgres` database (trust auth, user postgres). */
  url: string
  port: number
  /** Stops the server (fast shutdown: open connections are closed). */
  stop: () => void
  /** Starts it again on the same port and data. */
  start: () => void
  /** Stops it and removes its data folder. */
  destroy: () => void
}

/** Debian's Postgres binaries, newest version first; undefined when not installed. */
export const postgresBinDir = (): string | undefined => {
  const base = '/usr/lib/postgresql'
  if (!fs.existsSync(base)) return undefined
  const version = fs
    .readdirSync(base)
    .filter((name) => fs.existsSync(path.join(base, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a))[0]
  return version ? path.join(base, version, 'bin') : undefined
}

const isRoot = () => process.getuid?.() === 0

const run = (bin: string, args: string[]): void => {
  const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  const result = spawnSync(command, argv, { encoding: 'utf8', timeout: 60_000 })
  if (result.status !== 0) {
    throw new Error(`${path.basename(bin)} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`)
  }
}

export const startPrivatePostgres = async (): Promise<PrivatePostgres> => {
  const bin = postgresBinDir()
  if (!bin) throw new Error('Debian Postgres binaries not found under /usr/lib/postgresql (apt-get install postgresql)')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-pg-'))
  const data = path.join(dir, 'data')
  if (isRoot()) spawnSync('chown', ['-R', 'postgres:postgres', dir])
  const port = await freePort()
  run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`
  const start = () =>
    run(path.join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start'])
  const stop = () => run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop'])
  start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: () => {
      try {
        stop()
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
