import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "content_versions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"scope" varchar NOT NULL,
  	"token" varchar NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "content_versions_id" integer;
  CREATE UNIQUE INDEX "content_versions_scope_idx" ON "content_versions" USING btree ("scope");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_content_versions_fk" FOREIGN KEY ("content_versions_id") REFERENCES "public"."content_versions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_content_versions_id_idx" ON "payload_locked_documents_rels" USING btree ("content_versions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "content_versions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "content_versions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_content_versions_fk";
  
  DROP INDEX "payload_locked_documents_rels_content_versions_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "content_versions_id";`)
}
