import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`documents\` ADD \`prefix\` text DEFAULT 'documents';`)
  await db.run(sql`ALTER TABLE \`documents\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` ADD \`version_prefix\` text DEFAULT 'documents';`)
  await db.run(sql`ALTER TABLE \`_documents_v\` ADD \`version__objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`animations\` ADD \`prefix\` text DEFAULT 'animations';`)
  await db.run(sql`ALTER TABLE \`animations\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`_animations_v\` ADD \`version_prefix\` text DEFAULT 'animations';`)
  await db.run(sql`ALTER TABLE \`_animations_v\` ADD \`version__objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`prefix\` text DEFAULT 'images';`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`lease_owner\` text;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`lease_expires_at\` text;`)
  await db.run(sql`CREATE INDEX \`payload_jobs_lease_owner_idx\` ON \`payload_jobs\` (\`lease_owner\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_lease_expires_at_idx\` ON \`payload_jobs\` (\`lease_expires_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`payload_jobs_lease_owner_idx\`;`)
  await db.run(sql`DROP INDEX \`payload_jobs_lease_expires_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`lease_owner\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`lease_expires_at\`;`)
  await db.run(sql`ALTER TABLE \`documents\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`documents\` DROP COLUMN \`_objectkey\`;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` DROP COLUMN \`version_prefix\`;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` DROP COLUMN \`version__objectkey\`;`)
  await db.run(sql`ALTER TABLE \`animations\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`animations\` DROP COLUMN \`_objectkey\`;`)
  await db.run(sql`ALTER TABLE \`_animations_v\` DROP COLUMN \`version_prefix\`;`)
  await db.run(sql`ALTER TABLE \`_animations_v\` DROP COLUMN \`version__objectkey\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`_objectkey\`;`)
}
