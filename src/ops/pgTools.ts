import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Postgres' own client tools (pg_dump, pg_restore) for a server of `serverMajor`: from
 * PG_BIN_DIR when set, else Debian's /usr/lib/postgresql/<major>/bin, else the PATH.
 * pg_dump refuses a server newer than itself, so the tool's version is checked first.
 */
export const pgTool = async (
  name: 'pg_dump' | 'pg_restore',
  serverMajor: number,
): Promise<string> => {
  const candidates = [
    process.env.PG_BIN_DIR && path.join(process.env.PG_BIN_DIR, name),
    `/usr/lib/postgresql/${serverMajor}/bin/${name}`,
  ].filter((candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate)))
  const tool = candidates[0] ?? name
  const { output } = await run(tool, ['--version'], {})
  const major = Number(/(\d+)(\.\d+)?/.exec(output)?.[1])
  if (!Number.isFinite(major) || major < serverMajor) {
    throw new Error(
      `${tool} is version ${major || '?'}, the database server is ${serverMajor}: install the matching client (Debian: postgresql-client-${serverMajor}) or set PG_BIN_DIR`,
    )
  }
  return tool
}

/** libpq settings from a postgres:// URI, so no password shows in a process list. */
export const libpqEnv = (uri: string): Record<string, string> => {
  const url = new URL(uri)
  return {
    PGHOST: decodeURIComponent(url.hostname),
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username || 'postgres'),
    ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    ...(url.searchParams.get('sslmode') ? { PGSSLMODE: url.searchParams.get('sslmode')! } : {}),
  }
}

export const run = (
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ output: string }> =>
  new Promise((resolve, reject) => {
    let output = ''
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolve({ output })
        : reject(new Error(`${path.basename(command)} failed (${code}): ${output.trim()}`)),
    )
  })
