#!/usr/bin/env node
/**
 * `npm run fuzz [-- --runs N --seed S]`: the hostile-input test (tests/int/hostile-input.test.ts)
 * with thousands of generated requests (default 5000) and a random seed, printed so a
 * failing run can be repeated. Every 5xx or dropped connection is printed with its request.
 * With TEST_POSTGRES_URL set it runs on SQLite and then on Postgres.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'

const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : fallback
}
const runs = option('runs', '5000')
const seed = option('seed', String(crypto.randomInt(1, 2 ** 31 - 1)))
console.log(`fuzz: ${runs} requests per database, seed ${seed}`)
const result = spawnSync(
  process.execPath,
  ['node_modules/jest/bin/jest.js', '--runInBand', '--forceExit', 'tests/int/hostile-input.test.ts'],
  {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', FUZZ_RUNS: runs, FUZZ_SEED: seed },
  },
)
console.log(`fuzz: seed ${seed} — ${result.status === 0 ? 'no 5xx, no dropped connection' : 'FAILURES above'}`)
process.exit(result.status ?? 1)
