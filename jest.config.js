/**
 * Integration tests run against the built server (dist/server.js) over HTTP, each
 * test file with its own server and database. Every file runs on SQLite; with
 * TEST_POSTGRES_URL set, the same files run again on Postgres.
 */
const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testTimeout: 120_000,
}

const databases = ['sqlite', ...(process.env.TEST_POSTGRES_URL ? ['postgres'] : [])]

export default {
  // A global option: jest ignores testTimeout inside `projects`, which left hooks at 5 s.
  testTimeout: base.testTimeout,
  projects: databases.map((db) => ({
    ...base,
    displayName: db,
    setupFiles: [`<rootDir>/tests/helpers/database.${db}.ts`],
  })),
}
