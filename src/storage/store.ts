import { localStore } from './localStore'
import { s3Store } from './s3Store'
import { s3Settings } from './settings'
import type { FileStore } from './storedFile'

let current: FileStore | undefined

/** Where this process's uploads live: the bucket when S3_BUCKET is set, else MEDIA_DIR. */
export const fileStore = (): FileStore => {
  if (!current) {
    const settings = s3Settings()
    current = settings ? s3Store(settings) : localStore()
  }
  return current
}
