import fs from 'node:fs'
import path from 'node:path'

import { mediaDir } from '../utilities/env'
import { SNIFF_BYTES, sniffFileType } from '../utilities/fileType'
import type { FileStat, FileStore, StoredFile } from './storedFile'

const TEXT_TYPES: Record<string, string> = { '.vtt': 'text/vtt; charset=utf-8' }

/** The first bytes say what a file is; its name says nothing we trust. */
const sniff = async (file: string): Promise<Pick<FileStat, 'type' | 'contentType'>> => {
  const handle = await fs.promises.open(file, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0)
    const type = sniffFileType(buffer.subarray(0, bytesRead))
    return {
      type,
      contentType: type?.mime ?? TEXT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    }
  } finally {
    await handle.close()
  }
}

const localFile = (file: string): StoredFile => ({
  stat: async () => {
    try {
      const stats = await fs.promises.stat(file)
      if (!stats.isFile()) return null
      return {
        size: stats.size,
        mtime: stats.mtime,
        // The same weak tag express' `send` makes: size and modification time.
        etag: `W/"${stats.size.toString(16)}-${stats.mtime.getTime().toString(16)}"`,
        ...(await sniff(file)),
      }
    } catch {
      return null
    }
  },
  read: async (range) =>
    fs.createReadStream(file, range ? { start: range.start, end: range.end } : undefined),
})

/** Files under MEDIA_DIR/<folder>/<filename> (the embedded default). */
export const localStore = (root = mediaDir()): FileStore => ({
  kind: 'local',
  file: (folder, filename) => localFile(path.resolve(root, folder, path.basename(filename))),
})
