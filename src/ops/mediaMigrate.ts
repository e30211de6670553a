import path from 'node:path'

import { localMediaFiles, s3MediaFiles } from '../storage/mediaFiles'
import { s3Settings } from '../storage/settings'
import { mediaDir } from '../utilities/env'
import { humanBytes } from './archive'

/**
 * Copies every upload in MEDIA_DIR into the bucket (S3_BUCKET) under the same key. A
 * file already in the bucket with the same size is skipped, so running it again (after
 * an interruption, or to catch files uploaded meanwhile) copies only what is missing.
 * Nothing is deleted locally: remove MEDIA_DIR yourself once the nodes run on S3.
 */
export const migrateMedia = async (log: (line: string) => void) => {
  const settings = s3Settings()
  if (!settings)
    throw new Error('Set S3_BUCKET (and S3_ENDPOINT, S3_REGION, keys) to the bucket to copy into')
  const local = localMediaFiles()
  const bucket = s3MediaFiles(settings)
  const entries = await local.list()
  log(`media:migrate: ${entries.length} files from ${local.describe} to ${bucket.describe}`)
  let copied = 0
  let skipped = 0
  let bytes = 0
  for (const [index, entry] of entries.entries()) {
    const progress = `[${index + 1}/${entries.length}]`
    if ((await bucket.size(entry.key)) === entry.size) {
      skipped += 1
      log(`${progress} ${entry.key} already there`)
      continue
    }
    await bucket.write(entry.key, path.join(mediaDir(), ...entry.key.split('/')))
    copied += 1
    bytes += entry.size
    log(`${progress} ${entry.key} copied (${humanBytes(entry.size)})`)
  }
  log(`media:migrate: ${copied} copied (${humanBytes(bytes)}), ${skipped} already in the bucket`)
  return { copied, skipped, total: entries.length }
}
