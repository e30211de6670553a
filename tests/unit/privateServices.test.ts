import { afterAll, describe, expect, it } from '@jest/globals'
import net from 'node:net'
import pg from 'pg'

import { postgresBinDir, type PrivatePostgres, startPrivatePostgres } from '../helpers/privatePostgres'
import { type PrivateRedis, redisServerAvailable, startPrivateRedis } from '../helpers/privateRedis'

/**
 * The private database and Redis servers that outage tests stop and start: they must
 * really stop (connections refused) and really come back, or those tests prove nothing.
 */
const query = async (url: string) => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    return (await client.query('SELECT 1 AS one')).rows[0].one
  } finally {
    await client.end()
  }
}

const redisPing = (port: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('error', reject)
    socket.once('data', (data) => {
      socket.end()
      resolve(data.toString().trim())
    })
    socket.write('PING\r\n')
  })

let postgres: PrivatePostgres | undefined
let redis: PrivateRedis | undefined
afterAll(async () => {
  postgres?.destroy()
  await redis?.stop()
})

describe('private test services', () => {
  const withPostgres = postgresBinDir() ? it : it.skip
  withPostgres('a private Postgres stops and starts on the same port', async () => {
    postgres = await startPrivatePostgres()
    expect(await query(postgres.url)).toBe(1)
    postgres.stop()
    await expect(query(postgres.url)).rejects.toThrow()
    postgres.start()
    expect(await query(postgres.url)).toBe(1)
  })

  const withRedis = redisServerAvailable() ? it : it.skip
  withRedis('a private Redis stops and starts on the same port', async () => {
    redis = await startPrivateRedis()
    expect(await redisPing(redis.port)).toBe('+PONG')
    await redis.stop()
    await expect(redisPing(redis.port)).rejects.toThrow()
    await redis.start()
    expect(await redisPing(redis.port)).toBe('+PONG')
  })
})
