import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import net from 'node:net'

import { freePort } from './ports'

/**
 * A redis-server of a test's own on a free port, for tests that stop and start it:
 * the machine's shared Redis must never be stopped. Keeps nothing on disk.
 */
export type PrivateRedis = {
  url: string
  port: number
  stop: () => Promise<void>
  start: () => Promise<void>
}

export const redisServerAvailable = (): boolean =>
  spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0

const accepting = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

export const startPrivateRedis = async (): Promise<PrivateRedis> => {
  if (!redisServerAvailable()) throw new Error('redis-server not found (apt-get install redis-server)')
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    )
    const deadline = Date.now() + 10_000
    while (!(await accepting(port))) {
      if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  const stop = async () => {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGTERM')
    await exited
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, port, start, stop }
}
