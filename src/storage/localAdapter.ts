import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'

import type { Adapter } from '@payloadcms/plugin-cloud-storage/types'

import { mediaDir } from '../utilities/env'

/**
 * Local disk as a storage adapter of Payload's cloud-storage plugin, the same way the S3
 * store is one. That way Payload itself never writes or deletes a file on disk (it
 * would delete the old file before validation, see ./keepFiles.ts): the plugin writes
 * after every hook accepted the change, and replaced files go after the commit.
 * Files land where they always did: MEDIA_DIR/<folder>/<filename> (`storageFilePath`
 * is `<folder>/<filename>`, the same key as in a bucket).
 */
const resolveKey = (root: string, key: string): string => {
  const file = path.resolve(root, key)
  if (!file.startsWith(path.resolve(root) + path.sep)) throw new Error(`Invalid file key ${key}`)
  return file
}

export const localDiskAdapter =
  (root = mediaDir()): Adapter =>
  () => ({
    name: 'local-disk',
    handleUpload: async ({ file, storageFilePath }) => {
      const target = resolveKey(root, storageFilePath)
      await fs.promises.mkdir(path.dirname(target), { recursive: true })
      if (file.tempFilePath && (!file.buffer || file.buffer.length === 0)) {
        await fs.promises.copyFile(file.tempFilePath, target)
      } else {
        await fs.promises.writeFile(target, file.buffer)
      }
    },
    handleDelete: async ({ storageFilePath }) => {
      await fs.promises.rm(resolveKey(root, storageFilePath), { force: true })
    },
    // The project's own routes serve files (src/http/files.ts); this is Payload's fallback.
    staticHandler: async (_req, { params }) => {
      const key = `${params.prefix ? `${params.prefix}/` : ''}${params.filename}`
      try {
        const file = resolveKey(root, key)
        const stat = await fs.promises.stat(file)
        const body = Readable.toWeb(fs.createReadStream(file)) as ReadableStream
        return new Response(body, { headers: { 'Content-Length': String(stat.size) } })
      } catch {
        return new Response('Not found', { status: 404 })
      }
    },
  })
