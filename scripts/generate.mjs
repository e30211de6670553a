#!/usr/bin/env node
/**
 * Regenerates every generated file from the Payload config:
 *   src/payload-types.ts, generated/schema.graphql, generated/openapi.json (the REST contract),
 *   src/app/(payload)/admin/importMap.js,
 *   and a new migration per SQL adapter when the schema changed.
 * `--check` (CI): regenerate, then fail if any of them differs from what is committed.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const GENERATED = [
  'src/payload-types.ts',
  'generated/schema.graphql',
  'generated/openapi.json',
  'src/app/(payload)/admin/importMap.js',
  'src/migrations',
]

/**
 * Runs a Payload CLI command and checks that it really ran: loading the config can,
 * rarely, end the process silently with exit code 0 before the command did anything
 * (a top-level-await race in the rich-text packages). `done` recognises the work;
 * a silent run is tried again, at most three times, then the script fails.
 */
const run = (command, args, { env = {}, done = () => true } = {}) => {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const startedAt = Date.now()
    const result = spawnSync(command, args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '--no-deprecation', PAYLOAD_SECRET: 'generate-only', ...env },
    })
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
    process.stdout.write(output)
    if (result.status !== 0) {
      console.error(`generate: ${path.basename(command)} ${args.join(' ')} failed (${result.status})`)
      process.exit(result.status ?? 1)
    }
    if (done(output, startedAt)) return
    console.error(`generate: ${path.basename(command)} ${args.join(' ')} ended without doing its work; trying again`)
  }
  console.error(`generate: ${path.basename(command)} ${args.join(' ')} never completed`)
  process.exit(1)
}

const writtenSince = (file) => (_output, startedAt) => {
  try {
    return fs.statSync(path.join(root, file)).mtimeMs >= startedAt - 1000
  } catch {
    return false
  }
}

// migrate:create does not connect: it diffs the config against the last migration's snapshot.
const adapters = {
  sqlite: 'file:./data/generate-only.db',
  postgres: 'postgres://generate-only@127.0.0.1:1/none',
}

// Payload writes the file only when the types changed, without a message otherwise.
run(bin('payload'), ['generate:types'], { done: (output) => output.includes('Compiling TS types') })
run(bin('payload'), ['generate:importmap'], { done: (output) => /import map/i.test(output) })
run(bin('payload-graphql'), ['generate:schema'], { done: writtenSince('generated/schema.graphql') })
run(bin('payload'), ['generate:openapi'], { done: (output) => output.includes('openapi: wrote') })
for (const [name, uri] of Object.entries(adapters)) {
  // With --skip-empty and no schema change it exits right after generating statements.
  run(bin('payload'), ['migrate:create', 'schema', '--skip-empty'], {
    env: { DATABASE_URI: uri },
    done: (output) => output.includes('Starting migration'),
  })
  console.log(`generate: ${name} migrations current`)
}
run(bin('prettier'), ['--write', '--log-level=warn', 'src/payload-types.ts', 'src/migrations/*/index.ts'])

if (process.argv.includes('--check')) {
  const git = (args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.trim()
  // Content comparison (git diff), plus new files such as an unexpected migration.
  // Refresh first: a rewritten but identical file is otherwise listed by its new mtime.
  spawnSync('git', ['update-index', '-q', '--refresh'], { cwd: root })
  const changed = git(['diff', '--name-only', '--', ...GENERATED])
  const added = git(['ls-files', '--others', '--exclude-standard', '--', ...GENERATED])
  if (changed || added) {
    console.error('generate --check: generated files are out of date; run `npm run generate` and commit:')
    console.error([changed, added].filter(Boolean).join('\n'))
    process.exit(1)
  }
  console.log('generate --check: all generated files are current')
}
