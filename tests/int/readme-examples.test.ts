import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { checkResponsesAgainstContract, request } from '../helpers/api'
import { runCli } from '../helpers/cli'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Every `curl` example in the README, run against the seed content plus demo data
 * (`seed:demo`, 60 projects): each must answer 200 with documents. The README's own
 * overview example combines four filters, so this also shows the demo data covers
 * combined filters.
 */
const N = 60
let server: TestServer

type Example = {
  command: string
  url: string
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body?: string
}

/** The curl commands in the README's sh blocks (joined over `\` and quoted line breaks). */
const readmeExamples = (): Example[] => {
  const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8')
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!)
  const commands: string[] = []
  for (const block of blocks) {
    let current = ''
    let quotes = 0
    for (const line of block.split('\n')) {
      if (!current && !line.startsWith('curl ')) continue
      current += (current ? '\n' : '') + line
      quotes += (line.match(/'/g) ?? []).length
      if (quotes % 2 === 0 && !line.endsWith('\\')) {
        commands.push(current)
        current = ''
        quotes = 0
      }
    }
  }
  return commands.map((command) => {
    const quoted = /'(http:\/\/localhost:3000[^']*)'|(http:\/\/localhost:3000\S*)/.exec(command)!
    const url = (quoted[1] ?? quoted[2])!
    const headers = Object.fromEntries(
      [...command.matchAll(/-H '([^:]+):\s*([^']+)'/g)].map((match) => [match[1]!, match[2]!]),
    )
    const body = /-d '([\s\S]*?)'(\s|$)/.exec(command)?.[1]
    return { command, url, method: body ? 'POST' : 'GET', headers, body }
  })
}

beforeAll(async () => {
  server = await startServer()
  checkResponsesAgainstContract()
  const { code, output } = await runCli(server, ['seed-demo', '--projects', String(N)])
  if (code !== 0) throw new Error(`seed-demo failed (${code}):\n${output.slice(-3000)}`)
})

afterAll(async () => {
  await server?.stop()
})

/** The documents an answer carries: REST `docs`, GraphQL `data.<Root>.docs`, search `docs`. */
const documentsOf = (body: any): unknown[] => {
  if (Array.isArray(body?.docs)) return body.docs
  if (body?.data)
    return Object.values(body.data).flatMap((root: any) =>
      Array.isArray(root?.docs) ? root.docs : root ? [root] : [],
    )
  return []
}

describe('README examples on demo data', () => {
  const examples = readmeExamples()

  it('finds the README’s curl examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3)
    expect(examples.map((example) => example.url).join('\n')).toContain(
      'where[changeLines][in]=veilig-dichtbij',
    )
  })

  it.each(examples.map((example) => [example.url, example] as const))(
    '%s returns documents',
    async (_url, example) => {
      const target = example.url.replace('http://localhost:3000', '')
      const res = await request(server.url, target, {
        method: example.method,
        headers: example.headers,
        body: example.body,
      })
      expect([example.command, res.status]).toEqual([example.command, 200])
      if (res.body?.errors) throw new Error(`${example.command}\n→ ${res.text.slice(0, 500)}`)
      expect(documentsOf(res.body).length).toBeGreaterThan(0)
    },
  )
})
