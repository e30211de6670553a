import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import { s3Settings } from './settings'
import { isUploadCollection, UPLOAD_FOLDERS } from './folders'
import { withoutEchoUpdate } from './withoutEchoUpdate'

/**
 * Uploads go to object storage when S3_BUCKET is set (Payload's official S3 adapter),
 * to MEDIA_DIR otherwise. The adapter's fields (`prefix`) are always in the schema, so
 * the database does not depend on the setting. Every file, image size and WebP is
 * written by the adapter after Payload made it, under the collection's folder
 * (./folders.ts). Files are read back by the project's own routes (src/http/files.ts,
 * downloads.ts) through ./store.ts, not by the adapter's handler.
 *
 * @payloadcms/storage-s3 exists on our registry as 3.90.1 only (core is 3.90.2).
 */
export const objectStorage = (): Plugin => async (config) => {
  const settings = s3Settings()
  const plugin = s3Storage({
    enabled: Boolean(settings),
    alwaysInsertFields: true,
    bucket: settings?.bucket ?? 'unused',
    config: settings?.client ?? {},
    collections: {
      documents: { prefix: UPLOAD_FOLDERS.documents },
      media: { prefix: UPLOAD_FOLDERS.media },
      animations: { prefix: UPLOAD_FOLDERS.animations },
    },
  })
  if (!settings) return plugin(config)
  const hooksBefore = new Map(
    (config.collections ?? []).map((collection) => [
      collection.slug,
      collection.hooks?.afterChange?.length ?? 0,
    ]),
  )
  const stored = await plugin(config)
  return {
    ...stored,
    collections: stored.collections?.map((collection) =>
      isUploadCollection(collection.slug)
        ? withoutEchoUpdate(collection, hooksBefore.get(collection.slug) ?? 0)
        : collection,
    ),
  }
}
