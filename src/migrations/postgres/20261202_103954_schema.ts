import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Breadcrumbs become per locale. The rows there were are the Dutch ones (the default
  // locale); English crumbs fall back to them until a page is saved in English.
  await db.execute(sql`
   ALTER TABLE "pages_breadcrumbs" ADD COLUMN "_locale" "_locales" NOT NULL DEFAULT 'nl';
  ALTER TABLE "pages_breadcrumbs" ALTER COLUMN "_locale" DROP DEFAULT;
  ALTER TABLE "_pages_v_version_breadcrumbs" ADD COLUMN "_locale" "_locales" NOT NULL DEFAULT 'nl';
  ALTER TABLE "_pages_v_version_breadcrumbs" ALTER COLUMN "_locale" DROP DEFAULT;
  CREATE INDEX "pages_breadcrumbs_locale_idx" ON "pages_breadcrumbs" USING btree ("_locale");
  CREATE INDEX "_pages_v_version_breadcrumbs_locale_idx" ON "_pages_v_version_breadcrumbs" USING btree ("_locale");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "pages_breadcrumbs_locale_idx";
  DROP INDEX "_pages_v_version_breadcrumbs_locale_idx";
  ALTER TABLE "pages_breadcrumbs" DROP COLUMN "_locale";
  ALTER TABLE "_pages_v_version_breadcrumbs" DROP COLUMN "_locale";`)
}
