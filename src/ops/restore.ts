import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import * as tar from 'tar'

import { databaseUri } from '../database/uri'
import { type Manifest, checksumOf, humanBytes } from './archive'
import { configuredMediaFiles } from './backup'
import { readContents, restoreDatabase } from './database'

export class RestoreRefused extends Error {}

/**
 * Puts a backup archive (see ./backup.ts) back: first every checksum is verified, then
 * the target is checked — the database (DATABASE_URI) and the media store (the bucket or
 * MEDIA_DIR) must be empty, or `force` must be given (then their contents are replaced).
 * Afterwards the restored row counts are compared with the manifest.
 */
export const restore = async (options: {
  archive: string
  force: boolean
  log: (line: string) => void
}): Promise<Manifest> => {
  const { archive, force, log } = options
  const started = Date.now()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-restore-'))
  try {
    await tar.x({ file: archive, cwd: dir })
    const manifest = JSON.parse(
      await fs.promises.readFile(path.join(dir, 'manifest.json'), 'utf8'),
    ) as Manifest
    if (manifest.format !== 1)
      throw new RestoreRefused(`Unknown archive format ${String(manifest.format)}`)

    // Verify everything before touching anything.
    const dbFile = path.join(dir, manifest.database.file)
    if ((await checksumOf(dbFile)).sha256 !== manifest.database.sha256)
      throw new RestoreRefused(`${manifest.database.file}: checksum does not match the manifest`)
    for (const file of manifest.media.files) {
      const sum = await checksumOf(path.join(dir, 'media', ...file.key.split('/')))
      if (sum.sha256 !== file.sha256 || sum.bytes !== file.bytes)
        throw new RestoreRefused(`media/${file.key}: checksum does not match the manifest`)
    }
    log(`archive: verified (${manifest.media.count} files, created ${manifest.createdAt})`)

    const uri = databaseUri()
    const media = configuredMediaFiles()
    const existingTables = Object.keys((await readContents(uri)).tables).length
    const existingFiles = (await media.list()).length
    if ((existingTables || existingFiles) && !force) {
      throw new RestoreRefused(
        `Not empty: the database has ${existingTables} tables, the ${media.describe} ${existingFiles} files. ` +
          'Restore into an empty database and media store, or add --force to replace what is there.',
      )
    }

    await restoreDatabase(uri, manifest.database.kind, dbFile, force)
    log(`database: restored (${Date.now() - started} ms)`)
    if (force && existingFiles) log(`media: removed ${await media.removeAll()} existing files`)
    let done = 0
    for (const file of manifest.media.files) {
      await media.write(file.key, path.join(dir, 'media', ...file.key.split('/')))
      done += 1
      if (done % 50 === 0 || done === manifest.media.count)
        log(`media: ${done}/${manifest.media.count} files into ${media.describe}`)
    }

    const restored = (await readContents(uri)).tables
    const wrong = Object.entries(manifest.database.tables).filter(
      ([table, count]) => restored[table] !== count,
    )
    if (wrong.length)
      throw new Error(
        `Restored row counts differ from the manifest: ${wrong
          .map(([table, count]) => `${table} ${restored[table]} ≠ ${count}`)
          .join(', ')}`,
      )
    log(
      `restore: ${Object.keys(restored).length} tables and ${manifest.media.count} files ` +
        `(${humanBytes(manifest.media.bytes)}) in ${Date.now() - started} ms; counts match the manifest`,
    )
    return manifest
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
