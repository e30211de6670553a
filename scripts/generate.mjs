#!/usr/bin/env node
/**
 * Regenerates every generated file from the Payload config:
 *   src/payload-types.ts, generated/schema.graphql, src/app/(payload)/admin/importMap.js,
 *   and a new migration per SQL adapter when the schema changed.
 * `--check` (CI): regenerate, then fail if any of them differs from what is committed.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const GENERATED = [
  'src/payload-types.ts',
  'generated/schema.graphql',
  'src/app/(payload)/admin/importMap.js',
  'src/migrations',
]

const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '--no-deprecation', PAYLOAD_SECRET: 'generate-only', ...env },
  })
  if (result.status !== 0) {
    console.error(`generate: ${path.basename(command)} ${args.join(' ')} failed (${result.status})`)
    process.exit(result.status ?? 1)
  }
}

// migrate:create does not connect: it diffs the config against the last migration's snapshot.
const adapters = {
  sqlite: 'file:./data/generate-only.db',
  postgres: 'postgres://generate-only@127.0.0.1:1/none',
}

run(bin('payload'), ['generate:types'])
run(bin('payload'), ['generate:importmap'])
run(bin('payload-graphql'), ['generate:schema'])
for (const [name, uri] of Object.entries(adapters)) {
  run(bin('payload'), ['migrate:create', 'schema', '--skip-empty'], { DATABASE_URI: uri })
  console.log(`generate: ${name} migrations current`)
}
run(bin('prettier'), ['--write', '--log-level=warn', 'src/payload-types.ts', 'src/migrations/*/index.ts'])

if (process.argv.includes('--check')) {
  const git = (args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.trim()
  // Content comparison (git diff), plus new files such as an unexpected migration.
  const changed = git(['diff', '--name-only', '--', ...GENERATED])
  const added = git(['ls-files', '--others', '--exclude-standard', '--', ...GENERATED])
  if (changed || added) {
    console.error('generate --check: generated files are out of date; run `npm run generate` and commit:')
    console.error([changed, added].filter(Boolean).join('\n'))
    process.exit(1)
  }
  console.log('generate --check: all generated files are current')
}
