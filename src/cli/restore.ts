/**
 * `npm run restore -- <archive> [--force]`: restores a backup into the database
 * (DATABASE_URI) and the media store (S3_BUCKET or MEDIA_DIR), which must be empty unless
 * --force is given (see src/ops/restore.ts).
 */
import fs from 'node:fs'

import { restore } from '../ops/restore'
import { fail, loadEnvironment } from './environment'

loadEnvironment()
const args = process.argv.slice(2)
const force = args.includes('--force')
const archive = args.find((arg) => !arg.startsWith('--'))
if (!archive) fail('Usage: npm run restore -- <archive.tar> [--force]')
if (!fs.existsSync(archive!)) fail(`No such archive: ${archive}`)

restore({ archive: archive!, force, log: (line) => console.log(line) })
  .then(() => process.exit(0))
  .catch(fail)
