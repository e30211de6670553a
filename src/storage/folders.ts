import path from 'node:path'

import { mediaDir } from '../utilities/env'

/**
 * Where each upload collection keeps its files: a folder under MEDIA_DIR on local disk,
 * the same name as key prefix in the bucket (`documents/factsheet.pdf`), so
 * `npm run media:migrate`, backups and restores map one onto the other 1:1.
 */
export const UPLOAD_FOLDERS = {
  documents: 'documents',
  media: 'images',
  animations: 'animations',
} as const

export type UploadCollection = keyof typeof UPLOAD_FOLDERS

export const isUploadCollection = (slug: string): slug is UploadCollection =>
  Object.hasOwn(UPLOAD_FOLDERS, slug)

/** The local folder of a collection's files (Payload's `staticDir`). */
export const localFolder = (collection: UploadCollection): string =>
  path.resolve(mediaDir(), UPLOAD_FOLDERS[collection])
