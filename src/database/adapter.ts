import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { queryCountEnabled, queryCountLogger } from './queryCount'
import { rollbackFailedJobUpdates } from './rollbackFailedJobUpdates'
import { databaseKind, databaseUri, ensureSqliteFolder } from './uri'

const migrationsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations')

/**
 * The adapter follows `DATABASE_URI`. SQLite and Postgres never push the schema:
 * the committed migrations (one folder per adapter) run on start, so the
 * development and production schema are the same thing.
 */
export const databaseAdapter = (): DatabaseAdapterObj => {
  const uri = databaseUri()
  switch (databaseKind(uri)) {
    case 'sqlite':
      ensureSqliteFolder(uri)
      return rollbackFailedJobUpdates(
        sqliteAdapter({
          client: { url: uri },
          push: false,
          wal: true,
          busyTimeout: 5000,
          migrationDir: path.join(migrationsRoot, 'sqlite'),
          prodMigrations: sqliteMigrations,
          ...(queryCountEnabled() ? { logger: queryCountLogger } : {}),
        }),
      )
    case 'postgres':
      return rollbackFailedJobUpdates(
        postgresAdapter({
          pool: { connectionString: uri, max: Number(process.env.DATABASE_POOL_MAX || 10) },
          push: false,
          migrationDir: path.join(migrationsRoot, 'postgres'),
          prodMigrations: postgresMigrations,
          ...(queryCountEnabled() ? { logger: queryCountLogger } : {}),
        }),
      )
    case 'mongodb':
      return mongooseAdapter({ url: uri })
  }
}
