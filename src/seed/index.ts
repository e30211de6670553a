import type { Payload } from 'payload'

export const seed = async (payload: Payload, options: { log?: (line: string) => void } = {}) => {
  options.log?.('seed: nothing yet')
}

export const seedDemo = async (payload: Payload, options: { projects: number; log?: (line: string) => void }) => {
  options.log?.('demo: nothing yet')
}
