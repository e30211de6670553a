import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'

import { afterAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'

import { request } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Two processes starting at once on one empty database (issue 10): exactly one seeds,
 * the other waits for it and starts normally; the content exists once.
 */
const servers: TestServer[] = []
let cleanup = async () => {}

afterAll(async () => {
  for (const server of servers) await server.stop()
  await cleanup()
})

const emptyDatabase = async (): Promise<string> => {
  if (process.env.TEST_DB !== 'postgres') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-concurrent-'))
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
    return `file:${path.join(dir, 'shared.db')}`
  }
  const admin = process.env.TEST_POSTGRES_URL!
  const name = `koers_test_${crypto.randomBytes(5).toString('hex')}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  cleanup = async () => {
    const c = new pg.Client({ connectionString: admin })
    await c.connect()
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await c.end()
  }
  const uri = new URL(admin)
  uri.pathname = `/${name}`
  return uri.toString()
}

describe('concurrent first start', () => {
  it('seeds once when two processes start on one empty database', async () => {
    const databaseUri = await emptyDatabase()
    const started = await Promise.all([
      startServer({ JOBS_AUTORUN: 'false' }, { databaseUri }),
      startServer({ JOBS_AUTORUN: 'false' }, { databaseUri }),
    ])
    servers.push(...started)
    const seeders = started.filter((server) => server.output().includes('Empty database: loading the seed content'))
    expect(seeders).toHaveLength(1)
    for (const server of started) {
      const pages = await request(server.url, '/api/pages?where[slug][equals]=over-koers-en-kansen&depth=0')
      expect(pages.status).toBe(200)
      expect(pages.body.totalDocs).toBe(1)
      const media = await request(server.url, '/api/media?depth=0&limit=100')
      expect(media.body.totalDocs).toBe(1)
    }
  })
})
