import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'

import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3'

import { mediaDir } from '../utilities/env'
import { SNIFF_BYTES, sniffFileType } from '../utilities/fileType'
import { UPLOAD_FOLDERS } from './folders'
import { s3Client } from './s3Store'
import type { S3Settings } from './settings'

/** One stored upload, by its key `<folder>/<filename>` (the same on disk and in a bucket). */
export type MediaEntry = { key: string; size: number }

/**
 * The uploads as a whole, for operations (backup, restore, media:migrate) rather than
 * serving: list them, read one, write one, remove them. Only the upload folders
 * (./folders.ts) count: a bucket or MEDIA_DIR may hold other things.
 */
export type MediaFiles = {
  describe: string
  list: () => Promise<MediaEntry[]>
  read: (key: string) => Promise<Readable>
  /** Writes `file` (a path on local disk) as `key`. */
  write: (key: string, file: string) => Promise<void>
  /** The size of `key`, or null when it is not there. */
  size: (key: string) => Promise<number | null>
  removeAll: () => Promise<number>
}

const FOLDERS = Object.values(UPLOAD_FOLDERS)

/** A stored file's type, from its first bytes (the bucket serves it with that Content-Type). */
export const contentTypeOf = async (file: string): Promise<string> => {
  const handle = await fs.promises.open(file, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0)
    return sniffFileType(buffer.subarray(0, bytesRead))?.mime ?? 'application/octet-stream'
  } finally {
    await handle.close()
  }
}

export const localMediaFiles = (root = mediaDir()): MediaFiles => {
  const full = (key: string) => path.join(root, ...key.split('/'))
  return {
    describe: `folder ${path.resolve(root)}`,
    list: async () => {
      const entries: MediaEntry[] = []
      for (const folder of FOLDERS) {
        const dir = path.join(root, folder)
        if (!fs.existsSync(dir)) continue
        for (const name of (await fs.promises.readdir(dir)).sort()) {
          const stat = await fs.promises.stat(path.join(dir, name))
          if (stat.isFile()) entries.push({ key: `${folder}/${name}`, size: stat.size })
        }
      }
      return entries
    },
    read: async (key) => fs.createReadStream(full(key)),
    write: async (key, file) => {
      await fs.promises.mkdir(path.dirname(full(key)), { recursive: true })
      await fs.promises.copyFile(file, full(key))
    },
    size: async (key) => {
      try {
        return (await fs.promises.stat(full(key))).size
      } catch {
        return null
      }
    },
    removeAll: async () => {
      let removed = 0
      for (const folder of FOLDERS) {
        const dir = path.join(root, folder)
        if (!fs.existsSync(dir)) continue
        removed += (await fs.promises.readdir(dir)).length
        await fs.promises.rm(dir, { recursive: true, force: true })
      }
      return removed
    },
  }
}

export const s3MediaFiles = (settings: S3Settings): MediaFiles => {
  const client = s3Client(settings)
  const Bucket = settings.bucket
  const list = async () => {
    const entries: MediaEntry[] = []
    for (const folder of FOLDERS) {
      let token: string | undefined
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: `${folder}/`, ContinuationToken: token }),
        )
        for (const object of page.Contents ?? [])
          if (object.Key) entries.push({ key: object.Key, size: object.Size ?? 0 })
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
    }
    return entries.sort((x, y) => x.key.localeCompare(y.key))
  }
  return {
    describe: `bucket ${Bucket}${settings.client.endpoint ? ` at ${String(settings.client.endpoint)}` : ''}`,
    list,
    read: async (key) => {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: key }))
      if (!(object.Body instanceof Readable)) throw new Error(`no body for ${key}`)
      return object.Body
    },
    write: async (key, file) => {
      const { size } = await fs.promises.stat(file)
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: fs.createReadStream(file),
          ContentLength: size,
          ContentType: await contentTypeOf(file),
        }),
      )
    },
    size: async (key) => {
      try {
        return (await client.send(new HeadObjectCommand({ Bucket, Key: key }))).ContentLength ?? 0
      } catch {
        return null
      }
    },
    removeAll: async () => {
      const keys = (await list()).map((entry) => entry.key)
      for (let i = 0; i < keys.length; i += 1000) {
        await client.send(
          new DeleteObjectsCommand({
            Bucket,
            Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })) },
          }),
        )
      }
      return keys.length
    },
  }
}
