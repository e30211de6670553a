/**
 * `npm run backup [-- --out <folder>]`: one archive with a consistent database snapshot,
 * every upload and a manifest (see src/ops/backup.ts). The last line printed is the
 * archive's path. Default folder: ./backups.
 */
import { backup } from '../ops/backup'
import { fail, loadEnvironment } from './environment'

loadEnvironment()
const args = process.argv.slice(2)
const outIndex = args.indexOf('--out')
if (outIndex >= 0 && !args[outIndex + 1]) fail('Usage: npm run backup -- --out <folder>')
const outDir = outIndex >= 0 ? args[outIndex + 1]! : './backups'

backup({ outDir, log: (line) => console.log(line) })
  .then(({ archive }) => {
    console.log(archive)
    process.exit(0)
  })
  .catch(fail)
