import nextEnv from '@next/env'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The operations commands read the same settings as the server: the environment, then
 * `.env` files in the project root (never overriding what is set).
 */
export const loadEnvironment = (): void => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
  nextEnv.loadEnvConfig(root, false, { info: () => undefined, error: console.error })
}

export const fail = (error: unknown): never => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
