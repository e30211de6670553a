import type { Readable } from 'node:stream'

import type { FileType } from '../utilities/fileType'

/** What serving a file needs to know before sending a byte. */
export type FileStat = {
  size: number
  mtime: Date
  /** A quoted HTTP entity tag (weak or strong), stable while the bytes are. */
  etag: string
  contentType: string
  /** The accepted kind the file is (PDF, PNG, …), or null for other files (captions). */
  type: FileType | null
}

/** Inclusive byte positions, as in HTTP's Range. */
export type ByteRange = { start: number; end: number }

/**
 * One stored file, wherever it lives (local disk, a bucket): its metadata, and its
 * bytes as a stream — all of them or one range, read from the store as just that
 * range (a ranged GET on S3), never the whole file for a part of it. Everything that
 * serves files (src/http/serveFile.ts) works on this, so another store (or a memory
 * cache for small public files) fits in without touching the HTTP side.
 */
export type StoredFile = {
  /** Null when the file does not exist. */
  stat: () => Promise<FileStat | null>
  read: (range?: ByteRange) => Promise<Readable>
}

/** A place files live in, by folder (./folders.ts) and file name. */
export type FileStore = {
  kind: 'local' | 's3'
  file: (folder: string, filename: string) => StoredFile
}
