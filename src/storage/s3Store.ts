import { Readable } from 'node:stream'

import {
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  S3Client,
  type S3ServiceException,
} from '@aws-sdk/client-s3'

import { FILE_TYPES, type FileType, knownMimeType } from '../utilities/fileType'
import type { S3Settings } from './settings'
import type { FileStore, StoredFile } from './storedFile'

const TYPES_BY_MIME = new Map<string, FileType>(
  Object.values(FILE_TYPES).map((type) => [type.mime, type]),
)

const missing = (error: unknown) => {
  const status = (error as S3ServiceException).$metadata?.httpStatusCode
  return error instanceof NotFound || status === 404 || (error as Error).name === 'NoSuchKey'
}

/** The object key of a file: `<folder>/<filename>` (see ./folders.ts). */
export const objectKey = (folder: string, filename: string): string => `${folder}/${filename}`

let clients: { key: string; client: S3Client } | undefined

/** One S3 client per process (it keeps its connections alive). */
export const s3Client = (settings: S3Settings): S3Client => {
  const key = JSON.stringify(settings)
  if (clients?.key !== key) clients = { key, client: new S3Client(settings.client) }
  return clients.client
}

const s3File = (settings: S3Settings, key: string): StoredFile => {
  const client = s3Client(settings)
  return {
    stat: async () => {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: settings.bucket, Key: key }))
        // The adapter stores the type Payload settled on (from the file's content, see
        // checkUploadContent); anything else is served as bytes.
        const declared = head.ContentType?.split(';')[0]?.trim().toLowerCase() ?? ''
        const type = TYPES_BY_MIME.get(knownMimeType(declared) ?? '') ?? null
        return {
          size: head.ContentLength ?? 0,
          mtime: head.LastModified ?? new Date(0),
          etag: head.ETag ?? `"${key}-${head.ContentLength}"`,
          contentType: type?.mime ?? 'application/octet-stream',
          type,
        }
      } catch (error) {
        if (missing(error)) return null
        throw error
      }
    },
    read: async (range) => {
      const object = await client.send(
        new GetObjectCommand({
          Bucket: settings.bucket,
          Key: key,
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      )
      const body = object.Body
      if (body instanceof Readable) return body
      throw new Error(`S3 GetObject for ${key} returned no stream`)
    },
  }
}

/** Files as objects `<folder>/<filename>` in S3_BUCKET. */
export const s3Store = (settings: S3Settings): FileStore => ({
  kind: 's3',
  file: (folder, filename) => s3File(settings, objectKey(folder, filename)),
})
