import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import * as tar from 'tar'

import { databaseUri } from '../database/uri'
import { localMediaFiles, type MediaFiles, s3MediaFiles } from '../storage/mediaFiles'
import { s3Settings } from '../storage/settings'
import { checksumOf, humanBytes, type Manifest, writeWithChecksum } from './archive'
import { snapshotDatabase } from './database'

/** The uploads of this installation: the bucket when S3_BUCKET is set, else MEDIA_DIR. */
export const configuredMediaFiles = (): MediaFiles => {
  const settings = s3Settings()
  return settings ? s3MediaFiles(settings) : localMediaFiles()
}

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-')

/**
 * One archive `koers-backup-<time>.tar` in `outDir`: the database snapshot (consistent,
 * taken while the site goes on), every upload (from the folder or the bucket) under
 * `media/`, and `manifest.json` with row counts per table and the size and SHA-256 of
 * every file. The database is copied first: a file uploaded after the snapshot is
 * harmless extra, and a file the snapshot needs but the store lost meanwhile is named
 * in the manifest (`media.missing`).
 */
export const backup = async (options: {
  outDir: string
  log: (line: string) => void
}): Promise<{ archive: string; manifest: Manifest }> => {
  const { outDir, log } = options
  const createdAt = new Date()
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-backup-'))
  try {
    const uri = databaseUri()
    const started = Date.now()
    const snapshot = await snapshotDatabase(uri, staging)
    const dbSum = await checksumOf(snapshot.file)
    log(
      `database: ${snapshot.kind} snapshot, ${Object.keys(snapshot.tables).length} tables, ` +
        `${humanBytes(dbSum.bytes)} in ${Date.now() - started} ms`,
    )

    const media = configuredMediaFiles()
    const entries = await media.list()
    const files: Manifest['media']['files'] = []
    let done = 0
    for (const entry of entries) {
      const target = path.join(staging, 'media', ...entry.key.split('/'))
      await fs.promises.mkdir(path.dirname(target), { recursive: true })
      files.push({
        key: entry.key,
        ...(await writeWithChecksum(await media.read(entry.key), target)),
      })
      done += 1
      if (done % 50 === 0 || done === entries.length) log(`media: ${done}/${entries.length} files`)
    }
    await fs.promises.mkdir(path.join(staging, 'media'), { recursive: true })
    const present = new Set(files.map((file) => file.key))
    const missing = snapshot.files.filter((key) => !present.has(key))
    if (missing.length)
      log(
        `media: ${missing.length} file(s) the database refers to are missing: ${missing.join(', ')}`,
      )

    const manifest: Manifest = {
      format: 1,
      createdAt: createdAt.toISOString(),
      database: {
        kind: snapshot.kind as 'sqlite' | 'postgres',
        file: path.basename(snapshot.file),
        ...dbSum,
        tables: snapshot.tables,
      },
      media: {
        source: media.describe,
        count: files.length,
        bytes: files.reduce((sum, file) => sum + file.bytes, 0),
        files,
        missing,
      },
    }
    await fs.promises.writeFile(
      path.join(staging, 'manifest.json'),
      JSON.stringify(manifest, null, 2),
    )
    await fs.promises.mkdir(outDir, { recursive: true })
    const archive = path.resolve(outDir, `koers-backup-${stamp(createdAt)}.tar`)
    await tar.c({ file: archive, cwd: staging, portable: true }, [
      'manifest.json',
      manifest.database.file,
      'media',
    ])
    log(
      `archive: ${humanBytes(fs.statSync(archive).size)} (${files.length} files, ` +
        `${humanBytes(manifest.media.bytes)} media) in ${Date.now() - started} ms`,
    )
    return { archive, manifest }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}
