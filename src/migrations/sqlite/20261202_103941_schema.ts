import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Breadcrumbs become per locale. The rows there were are the Dutch ones (the default
  // locale; SQLite needs a default to add a NOT NULL column); English crumbs fall back to
  // them until a page is saved in English.
  await db.run(sql`ALTER TABLE \`pages_breadcrumbs\` ADD \`_locale\` text NOT NULL DEFAULT 'nl';`)
  await db.run(sql`CREATE INDEX \`pages_breadcrumbs_locale_idx\` ON \`pages_breadcrumbs\` (\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`_pages_v_version_breadcrumbs\` ADD \`_locale\` text NOT NULL DEFAULT 'nl';`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_breadcrumbs_locale_idx\` ON \`_pages_v_version_breadcrumbs\` (\`_locale\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`pages_breadcrumbs_locale_idx\`;`)
  await db.run(sql`ALTER TABLE \`pages_breadcrumbs\` DROP COLUMN \`_locale\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_version_breadcrumbs_locale_idx\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v_version_breadcrumbs\` DROP COLUMN \`_locale\`;`)
}
