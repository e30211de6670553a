import { cloudStoragePlugin } from '@payloadcms/plugin-cloud-storage'
import type { GenerateFileURL } from '@payloadcms/plugin-cloud-storage/types'
import { initClientUploads } from '@payloadcms/plugin-cloud-storage/utilities'
import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import { runWorkAfterCommit } from './afterCommit'
import { isUploadCollection, UPLOAD_FOLDERS } from './folders'
import { keepFiles } from './keepFiles'
import { localDiskAdapter } from './localAdapter'
import { s3Settings } from './settings'
import { skipEchoUpdate } from './withoutEchoUpdate'

/**
 * Uploads go to object storage when S3_BUCKET is set (Payload's official S3 adapter),
 * to MEDIA_DIR otherwise (./localAdapter.ts, through the same cloud-storage plugin). The
 * plugin's fields (`prefix`) are always in the schema, so the database does not depend
 * on the setting. Every file, image size and WebP is written by the adapter after every
 * hook accepted the change, under the collection's folder (./folders.ts); replaced files
 * are removed after the commit (./keepFiles.ts). Files are read back by the project's own
 * routes (src/http/files.ts, downloads.ts) through ./store.ts, not by the adapter's handler.
 *
 * @payloadcms/storage-s3 and plugin-cloud-storage exist on our registry as 3.90.1 only
 * (core is 3.90.2).
 */
/**
 * The public file URL stays Payload's own `/api/<collection>/file/<name>`: without this the
 * cloud-storage plugin appends `?prefix=<folder>`, which our routes do not need (they find
 * the folder from the collection) and which would change every URL frontends have stored.
 */
const fileURL: GenerateFileURL = ({ collection, filename }) =>
  `${process.env.SERVER_URL || ''}/api/${collection.slug}/file/${encodeURIComponent(filename)}`

const FOLDER_PREFIXES = {
  documents: { prefix: UPLOAD_FOLDERS.documents, generateFileURL: fileURL },
  media: { prefix: UPLOAD_FOLDERS.media, generateFileURL: fileURL },
  animations: { prefix: UPLOAD_FOLDERS.animations, generateFileURL: fileURL },
}

export const objectStorage = (): Plugin => async (config) => {
  const settings = s3Settings()
  // The S3 plugin always lists its (unused) client upload handler in the admin's import
  // map; so does local mode, so the generated import map is the same in both.
  if (!settings)
    initClientUploads({
      clientHandler: '@payloadcms/storage-s3/client#S3ClientUploadHandler',
      collections: FOLDER_PREFIXES,
      config,
      enabled: false,
      serverHandler: () => new Response(null, { status: 404 }),
      serverHandlerPath: '/storage-s3-generate-signed-url',
    })
  const storage = settings
    ? s3Storage({
        alwaysInsertFields: true,
        bucket: settings.bucket,
        config: settings.client,
        collections: FOLDER_PREFIXES,
      })
    : cloudStoragePlugin({
        alwaysInsertFields: true,
        collections: {
          documents: { adapter: localDiskAdapter(), ...FOLDER_PREFIXES.documents },
          media: { adapter: localDiskAdapter(), ...FOLDER_PREFIXES.media },
          animations: { adapter: localDiskAdapter(), ...FOLDER_PREFIXES.animations },
        },
      })
  const hooksBefore = new Map(
    (config.collections ?? []).map((collection) => [
      collection.slug,
      collection.hooks?.afterChange?.length ?? 0,
    ]),
  )
  const stored = await storage(config)
  const onInit = stored.onInit
  return {
    ...stored,
    collections: stored.collections?.map((collection) =>
      isUploadCollection(collection.slug)
        ? keepFiles(
            collection,
            collection.slug,
            hooksBefore.get(collection.slug) ?? 0,
            // S3 only: the adapter echoes the document back, see ./withoutEchoUpdate.ts.
            settings ? skipEchoUpdate : undefined,
          )
        : collection,
    ),
    onInit: async (payload) => {
      runWorkAfterCommit(payload)
      await onInit?.(payload)
    },
  }
}
