import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'revalidateWebhook' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'revalidateWebhook' BEFORE 'schedulePublish';
  CREATE TABLE "download_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"document_id" integer NOT NULL,
  	"day" varchar NOT NULL,
  	"count" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "content_version" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"token" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "documents" ADD COLUMN "sizes_thumbnail_url" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_thumbnail_width" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_thumbnail_height" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_thumbnail_mime_type" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_thumbnail_filesize" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_thumbnail_filename" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_thumbnail_webp_url" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_thumbnail_webp_width" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_thumbnail_webp_height" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_thumbnail_webp_mime_type" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_thumbnail_webp_filesize" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_thumbnail_webp_filename" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_card_url" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_card_width" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_card_height" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_card_mime_type" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_card_filesize" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_card_filename" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_card_webp_url" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_card_webp_width" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_card_webp_height" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_card_webp_mime_type" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_card_webp_filesize" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_card_webp_filename" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_hero_url" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_hero_width" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_hero_height" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_hero_mime_type" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_hero_filesize" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_hero_filename" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_hero_webp_url" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_hero_webp_width" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_hero_webp_height" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_hero_webp_mime_type" varchar;
  ALTER TABLE "documents" ADD COLUMN "sizes_hero_webp_filesize" numeric;
  ALTER TABLE "documents" ADD COLUMN "sizes_hero_webp_filename" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_thumbnail_url" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_thumbnail_width" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_thumbnail_height" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_thumbnail_mime_type" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_thumbnail_filesize" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_thumbnail_filename" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_thumbnail_webp_url" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_thumbnail_webp_width" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_thumbnail_webp_height" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_thumbnail_webp_mime_type" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_thumbnail_webp_filesize" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_thumbnail_webp_filename" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_card_url" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_card_width" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_card_height" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_card_mime_type" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_card_filesize" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_card_filename" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_card_webp_url" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_card_webp_width" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_card_webp_height" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_card_webp_mime_type" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_card_webp_filesize" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_card_webp_filename" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_hero_url" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_hero_width" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_hero_height" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_hero_mime_type" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_hero_filesize" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_hero_filename" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_hero_webp_url" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_hero_webp_width" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_hero_webp_height" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_hero_webp_mime_type" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_hero_webp_filesize" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_sizes_hero_webp_filename" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "download_stats_id" integer;
  ALTER TABLE "download_stats" ADD CONSTRAINT "download_stats_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "download_stats_document_idx" ON "download_stats" USING btree ("document_id");
  CREATE INDEX "download_stats_day_idx" ON "download_stats" USING btree ("day");
  CREATE INDEX "download_stats_updated_at_idx" ON "download_stats" USING btree ("updated_at");
  CREATE INDEX "download_stats_created_at_idx" ON "download_stats" USING btree ("created_at");
  CREATE UNIQUE INDEX "document_day_idx" ON "download_stats" USING btree ("document_id","day");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_download_stats_fk" FOREIGN KEY ("download_stats_id") REFERENCES "public"."download_stats"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "projects_sanction_phases_value_idx" ON "projects_sanction_phases" USING btree ("value");
  CREATE INDEX "projects_sanction_types_value_idx" ON "projects_sanction_types" USING btree ("value");
  CREATE INDEX "projects_region_region_municipality_idx" ON "projects" USING btree ("region_municipality");
  CREATE INDEX "projects_start_date_idx" ON "projects" USING btree ("start_date");
  CREATE INDEX "projects_end_date_idx" ON "projects" USING btree ("end_date");
  CREATE INDEX "projects_title_idx" ON "projects_locales" USING btree ("title","_locale");
  CREATE INDEX "_projects_v_version_sanction_phases_value_idx" ON "_projects_v_version_sanction_phases" USING btree ("value");
  CREATE INDEX "_projects_v_version_sanction_types_value_idx" ON "_projects_v_version_sanction_types" USING btree ("value");
  CREATE INDEX "_projects_v_version_region_version_region_municipality_idx" ON "_projects_v" USING btree ("version_region_municipality");
  CREATE INDEX "_projects_v_version_version_start_date_idx" ON "_projects_v" USING btree ("version_start_date");
  CREATE INDEX "_projects_v_version_version_end_date_idx" ON "_projects_v" USING btree ("version_end_date");
  CREATE INDEX "_projects_v_version_version_title_idx" ON "_projects_v_locales" USING btree ("version_title","_locale");
  CREATE INDEX "documents_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "documents" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "documents_sizes_thumbnail_webp_sizes_thumbnail_webp_file_idx" ON "documents" USING btree ("sizes_thumbnail_webp_filename");
  CREATE INDEX "documents_sizes_card_sizes_card_filename_idx" ON "documents" USING btree ("sizes_card_filename");
  CREATE INDEX "documents_sizes_card_webp_sizes_card_webp_filename_idx" ON "documents" USING btree ("sizes_card_webp_filename");
  CREATE INDEX "documents_sizes_hero_sizes_hero_filename_idx" ON "documents" USING btree ("sizes_hero_filename");
  CREATE INDEX "documents_sizes_hero_webp_sizes_hero_webp_filename_idx" ON "documents" USING btree ("sizes_hero_webp_filename");
  CREATE INDEX "_documents_v_version_sizes_thumbnail_version_sizes_thumb_idx" ON "_documents_v" USING btree ("version_sizes_thumbnail_filename");
  CREATE INDEX "_documents_v_version_sizes_thumbnail_webp_version_sizes__idx" ON "_documents_v" USING btree ("version_sizes_thumbnail_webp_filename");
  CREATE INDEX "_documents_v_version_sizes_card_version_sizes_card_filen_idx" ON "_documents_v" USING btree ("version_sizes_card_filename");
  CREATE INDEX "_documents_v_version_sizes_card_webp_version_sizes_card__idx" ON "_documents_v" USING btree ("version_sizes_card_webp_filename");
  CREATE INDEX "_documents_v_version_sizes_hero_version_sizes_hero_filen_idx" ON "_documents_v" USING btree ("version_sizes_hero_filename");
  CREATE INDEX "_documents_v_version_sizes_hero_webp_version_sizes_hero__idx" ON "_documents_v" USING btree ("version_sizes_hero_webp_filename");
  CREATE INDEX "payload_locked_documents_rels_download_stats_id_idx" ON "payload_locked_documents_rels" USING btree ("download_stats_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "download_stats" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "content_version" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "download_stats" CASCADE;
  DROP TABLE "content_version" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_download_stats_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "projects_sanction_phases_value_idx";
  DROP INDEX "projects_sanction_types_value_idx";
  DROP INDEX "projects_region_region_municipality_idx";
  DROP INDEX "projects_start_date_idx";
  DROP INDEX "projects_end_date_idx";
  DROP INDEX "projects_title_idx";
  DROP INDEX "_projects_v_version_sanction_phases_value_idx";
  DROP INDEX "_projects_v_version_sanction_types_value_idx";
  DROP INDEX "_projects_v_version_region_version_region_municipality_idx";
  DROP INDEX "_projects_v_version_version_start_date_idx";
  DROP INDEX "_projects_v_version_version_end_date_idx";
  DROP INDEX "_projects_v_version_version_title_idx";
  DROP INDEX "documents_sizes_thumbnail_sizes_thumbnail_filename_idx";
  DROP INDEX "documents_sizes_thumbnail_webp_sizes_thumbnail_webp_file_idx";
  DROP INDEX "documents_sizes_card_sizes_card_filename_idx";
  DROP INDEX "documents_sizes_card_webp_sizes_card_webp_filename_idx";
  DROP INDEX "documents_sizes_hero_sizes_hero_filename_idx";
  DROP INDEX "documents_sizes_hero_webp_sizes_hero_webp_filename_idx";
  DROP INDEX "_documents_v_version_sizes_thumbnail_version_sizes_thumb_idx";
  DROP INDEX "_documents_v_version_sizes_thumbnail_webp_version_sizes__idx";
  DROP INDEX "_documents_v_version_sizes_card_version_sizes_card_filen_idx";
  DROP INDEX "_documents_v_version_sizes_card_webp_version_sizes_card__idx";
  DROP INDEX "_documents_v_version_sizes_hero_version_sizes_hero_filen_idx";
  DROP INDEX "_documents_v_version_sizes_hero_webp_version_sizes_hero__idx";
  DROP INDEX "payload_locked_documents_rels_download_stats_id_idx";
  ALTER TABLE "documents" DROP COLUMN "sizes_thumbnail_url";
  ALTER TABLE "documents" DROP COLUMN "sizes_thumbnail_width";
  ALTER TABLE "documents" DROP COLUMN "sizes_thumbnail_height";
  ALTER TABLE "documents" DROP COLUMN "sizes_thumbnail_mime_type";
  ALTER TABLE "documents" DROP COLUMN "sizes_thumbnail_filesize";
  ALTER TABLE "documents" DROP COLUMN "sizes_thumbnail_filename";
  ALTER TABLE "documents" DROP COLUMN "sizes_thumbnail_webp_url";
  ALTER TABLE "documents" DROP COLUMN "sizes_thumbnail_webp_width";
  ALTER TABLE "documents" DROP COLUMN "sizes_thumbnail_webp_height";
  ALTER TABLE "documents" DROP COLUMN "sizes_thumbnail_webp_mime_type";
  ALTER TABLE "documents" DROP COLUMN "sizes_thumbnail_webp_filesize";
  ALTER TABLE "documents" DROP COLUMN "sizes_thumbnail_webp_filename";
  ALTER TABLE "documents" DROP COLUMN "sizes_card_url";
  ALTER TABLE "documents" DROP COLUMN "sizes_card_width";
  ALTER TABLE "documents" DROP COLUMN "sizes_card_height";
  ALTER TABLE "documents" DROP COLUMN "sizes_card_mime_type";
  ALTER TABLE "documents" DROP COLUMN "sizes_card_filesize";
  ALTER TABLE "documents" DROP COLUMN "sizes_card_filename";
  ALTER TABLE "documents" DROP COLUMN "sizes_card_webp_url";
  ALTER TABLE "documents" DROP COLUMN "sizes_card_webp_width";
  ALTER TABLE "documents" DROP COLUMN "sizes_card_webp_height";
  ALTER TABLE "documents" DROP COLUMN "sizes_card_webp_mime_type";
  ALTER TABLE "documents" DROP COLUMN "sizes_card_webp_filesize";
  ALTER TABLE "documents" DROP COLUMN "sizes_card_webp_filename";
  ALTER TABLE "documents" DROP COLUMN "sizes_hero_url";
  ALTER TABLE "documents" DROP COLUMN "sizes_hero_width";
  ALTER TABLE "documents" DROP COLUMN "sizes_hero_height";
  ALTER TABLE "documents" DROP COLUMN "sizes_hero_mime_type";
  ALTER TABLE "documents" DROP COLUMN "sizes_hero_filesize";
  ALTER TABLE "documents" DROP COLUMN "sizes_hero_filename";
  ALTER TABLE "documents" DROP COLUMN "sizes_hero_webp_url";
  ALTER TABLE "documents" DROP COLUMN "sizes_hero_webp_width";
  ALTER TABLE "documents" DROP COLUMN "sizes_hero_webp_height";
  ALTER TABLE "documents" DROP COLUMN "sizes_hero_webp_mime_type";
  ALTER TABLE "documents" DROP COLUMN "sizes_hero_webp_filesize";
  ALTER TABLE "documents" DROP COLUMN "sizes_hero_webp_filename";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_thumbnail_url";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_thumbnail_width";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_thumbnail_height";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_thumbnail_mime_type";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_thumbnail_filesize";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_thumbnail_filename";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_thumbnail_webp_url";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_thumbnail_webp_width";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_thumbnail_webp_height";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_thumbnail_webp_mime_type";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_thumbnail_webp_filesize";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_thumbnail_webp_filename";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_card_url";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_card_width";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_card_height";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_card_mime_type";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_card_filesize";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_card_filename";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_card_webp_url";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_card_webp_width";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_card_webp_height";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_card_webp_mime_type";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_card_webp_filesize";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_card_webp_filename";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_hero_url";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_hero_width";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_hero_height";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_hero_mime_type";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_hero_filesize";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_hero_filename";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_hero_webp_url";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_hero_webp_width";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_hero_webp_height";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_hero_webp_mime_type";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_hero_webp_filesize";
  ALTER TABLE "_documents_v" DROP COLUMN "version_sizes_hero_webp_filename";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "download_stats_id";`)
}
