import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "documents" ADD COLUMN "prefix" varchar DEFAULT 'documents';
  ALTER TABLE "documents" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_prefix" varchar DEFAULT 'documents';
  ALTER TABLE "_documents_v" ADD COLUMN "version__objectkey" varchar;
  ALTER TABLE "animations" ADD COLUMN "prefix" varchar DEFAULT 'animations';
  ALTER TABLE "animations" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "_animations_v" ADD COLUMN "version_prefix" varchar DEFAULT 'animations';
  ALTER TABLE "_animations_v" ADD COLUMN "version__objectkey" varchar;
  ALTER TABLE "media" ADD COLUMN "prefix" varchar DEFAULT 'images';
  ALTER TABLE "media" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "payload_jobs" ADD COLUMN "lease_owner" varchar;
  ALTER TABLE "payload_jobs" ADD COLUMN "lease_expires_at" timestamp(3) with time zone;
  CREATE INDEX "payload_jobs_lease_owner_idx" ON "payload_jobs" USING btree ("lease_owner");
  CREATE INDEX "payload_jobs_lease_expires_at_idx" ON "payload_jobs" USING btree ("lease_expires_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "payload_jobs_lease_owner_idx";
  DROP INDEX "payload_jobs_lease_expires_at_idx";
  ALTER TABLE "documents" DROP COLUMN "prefix";
  ALTER TABLE "documents" DROP COLUMN "_objectkey";
  ALTER TABLE "_documents_v" DROP COLUMN "version_prefix";
  ALTER TABLE "_documents_v" DROP COLUMN "version__objectkey";
  ALTER TABLE "animations" DROP COLUMN "prefix";
  ALTER TABLE "animations" DROP COLUMN "_objectkey";
  ALTER TABLE "_animations_v" DROP COLUMN "version_prefix";
  ALTER TABLE "_animations_v" DROP COLUMN "version__objectkey";
  ALTER TABLE "media" DROP COLUMN "prefix";
  ALTER TABLE "media" DROP COLUMN "_objectkey";
  ALTER TABLE "payload_jobs" DROP COLUMN "lease_owner";
  ALTER TABLE "payload_jobs" DROP COLUMN "lease_expires_at";`)
}
