import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { DATA_DIR, databaseKind } from '../database/uri'

/**
 * `PAYLOAD_SECRET` signs sessions. A newcomer on the embedded database gets one
 * generated and kept in the data folder; a production server on a real database
 * must be given one and refuses to start without it.
 */
let warned = false

export const resolveSecret = (): string => {
  const fromEnv = process.env.PAYLOAD_SECRET
  if (fromEnv) return fromEnv
  const embedded = databaseKind() === 'sqlite'
  if (!embedded && process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error(
      'PAYLOAD_SECRET is not set. A production server on Postgres or MongoDB refuses to start without it (see .env.example).',
    )
  }
  const file = path.join(DATA_DIR, '.payload-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA_DIR, { recursive: true })
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  if (!warned) {
    console.warn(`[koers] PAYLOAD_SECRET is not set: using the generated secret in ${file}. Set PAYLOAD_SECRET in production.`)
    warned = true
  }
  return fs.readFileSync(file, 'utf8').trim()
}
