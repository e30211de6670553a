#!/usr/bin/env node
/**
 * Builds the admin/API (next build) and bundles the express server (esbuild).
 * Skips the work when nothing that goes into the build changed since the last
 * one, so `npm start` and `npm test` build once and then start in seconds.
 * `--force` always builds.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const stampFile = path.join(root, '.next', 'koers-build-inputs')
const INPUTS = ['src', 'next.config.ts', 'tsconfig.json', 'package-lock.json', 'package.json', 'scripts/build.mjs']

const listFiles = (entry) => {
  const full = path.join(root, entry)
  if (!fs.existsSync(full)) return []
  if (fs.statSync(full).isFile()) return [entry]
  return fs
    .readdirSync(full, { withFileTypes: true })
    .flatMap((dirent) => listFiles(path.join(entry, dirent.name)))
}

const inputsHash = () => {
  const hash = crypto.createHash('sha256')
  for (const file of INPUTS.flatMap(listFiles).sort()) {
    hash.update(file).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0')
  }
  return hash.digest('hex')
}

const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const force = process.argv.includes('--force')
const hash = inputsHash()
const built =
  fs.existsSync(path.join(root, 'dist', 'server.js')) &&
  fs.existsSync(path.join(root, '.next', 'BUILD_ID')) &&
  fs.existsSync(stampFile) &&
  fs.readFileSync(stampFile, 'utf8') === hash

if (built && !force) {
  console.log('build: up to date')
  process.exit(0)
}

console.log('build: next build (about 1–2 minutes the first time)')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
run(bin('next'), ['build'], {
  NODE_ENV: 'production',
  NODE_OPTIONS: '--no-deprecation --max-old-space-size=6000',
})
console.log('build: bundling src/server.ts and the operations commands (src/cli)')
run(bin('esbuild'), [
  'src/server.ts',
  'src/cli/backup.ts',
  'src/cli/restore.ts',
  'src/cli/mediaMigrate.ts',
  '--bundle',
  '--platform=node',
  '--format=esm',
  '--target=node20',
  '--packages=external',
  '--outbase=src',
  '--outdir=dist',
  '--log-level=warning',
])
// Hash again: next build itself may touch inputs (tsconfig.json).
fs.writeFileSync(stampFile, inputsHash())
console.log('build: done')
