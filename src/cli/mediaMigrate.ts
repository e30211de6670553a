/**
 * `npm run media:migrate`: copies the uploads in MEDIA_DIR into the bucket (S3_BUCKET),
 * skipping what is already there (see src/ops/mediaMigrate.ts).
 */
import { migrateMedia } from '../ops/mediaMigrate'
import { fail, loadEnvironment } from './environment'

loadEnvironment()
migrateMedia((line) => console.log(line))
  .then(() => process.exit(0))
  .catch(fail)
