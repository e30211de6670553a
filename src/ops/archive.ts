import crypto from 'node:crypto'
import fs from 'node:fs'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** The manifest at the top of every backup archive (`manifest.json`). */
export type Manifest = {
  format: 1
  createdAt: string
  database: {
    kind: 'sqlite' | 'postgres'
    /** The snapshot's file name in the archive. */
    file: string
    bytes: number
    sha256: string
    /** Rows per table in the snapshot. */
    tables: Record<string, number>
  }
  media: {
    /** Where the files came from: `folder …` or `bucket …`. */
    source: string
    count: number
    bytes: number
    /** Every file: its key (`documents/x.pdf`, stored under `media/` in the archive), size and checksum. */
    files: { key: string; bytes: number; sha256: string }[]
    /** Files the database snapshot refers to that the store did not have. */
    missing: string[]
  }
}

/** Writes a stream to `file`, returning its size and SHA-256. */
export const writeWithChecksum = async (
  source: Readable,
  file: string,
): Promise<{ bytes: number; sha256: string }> => {
  const hash = crypto.createHash('sha256')
  let bytes = 0
  source.on('data', (chunk: Buffer) => {
    hash.update(chunk)
    bytes += chunk.length
  })
  await pipeline(source, fs.createWriteStream(file))
  return { bytes, sha256: hash.digest('hex') }
}

export const checksumOf = async (file: string): Promise<{ bytes: number; sha256: string }> => {
  const hash = crypto.createHash('sha256')
  let bytes = 0
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { bytes, sha256: hash.digest('hex') }
}

export const humanBytes = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
