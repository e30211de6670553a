import fs from 'node:fs'
import path from 'node:path'

/** Where the embedded default keeps its database and generated secret (git-ignored). */
export const DATA_DIR = path.resolve(process.env.DATA_DIR || './data')

export const DEFAULT_DATABASE_URI = `file:${path.join(DATA_DIR, 'koers.db')}`

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export const databaseUri = (): string => process.env.DATABASE_URI || DEFAULT_DATABASE_URI

export const databaseKind = (uri = databaseUri()): DatabaseKind => {
  if (uri.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(uri)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return 'mongodb'
  throw new Error(
    `DATABASE_URI must start with file:, postgres:// or mongodb:// (got "${uri.split(':')[0]}:…")`,
  )
}

/** libsql cannot create the folder of a new database file itself. */
export const ensureSqliteFolder = (uri: string): void => {
  const file = uri.replace(/^file:(\/\/)?/, '').split('?')[0]
  if (file && file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}
