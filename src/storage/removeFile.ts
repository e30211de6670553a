import fs from 'node:fs'
import path from 'node:path'

import { DeleteObjectCommand } from '@aws-sdk/client-s3'

import { mediaDir } from '../utilities/env'
import { objectKey, s3Client } from './s3Store'
import { s3Settings } from './settings'

/** Removes one stored file `<folder>/<filename>` from the bucket or MEDIA_DIR; a missing file is fine. */
export const removeStoredFile = async (folder: string, filename: string): Promise<void> => {
  const name = path.basename(filename)
  const settings = s3Settings()
  if (settings) {
    await s3Client(settings).send(
      new DeleteObjectCommand({ Bucket: settings.bucket, Key: objectKey(folder, name) }),
    )
    return
  }
  await fs.promises.rm(path.resolve(mediaDir(), folder, name), { force: true })
}
