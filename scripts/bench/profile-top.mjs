#!/usr/bin/env node
/**
 * The top items of a V8 CPU profile (`node --cpu-prof`, see `npm run bench -- --profile`):
 * self time per function and per package, as a share of the busy (non-idle) time.
 *
 *   node scripts/bench/profile-top.mjs <file.cpuprofile | folder> [--top 15] [--last S]
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '15' }, last: { type: 'string' } },
})
const top = Number(values.top)
/** Only the last S seconds of the profile (the measured load, not the server's start). */
const lastMicros = values.last ? Number(values.last) * 1e6 : undefined

const packageOf = (url) => {
  if (!url) return '(native/vm)'
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0]
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/')
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  if (url.includes('/dist/server.js')) return 'project (dist/server.js)'
  if (url.includes('/.next/')) return 'next bundle'
  return path.basename(url)
}

const summarize = (file) => {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'))
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map()
  const times = []
  let at = profile.startTime
  for (const delta of profile.timeDeltas) times.push((at += delta))
  const from = lastMicros === undefined ? -Infinity : profile.endTime - lastMicros
  profile.samples.forEach((id, index) => {
    if (times[index] < from) return
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0))
  })
  const functions = new Map()
  const packages = new Map()
  let busy = 0
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame
    if (functionName === '(idle)') continue
    busy += micros
    const name = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : ''}`
    functions.set(name, (functions.get(name) ?? 0) + micros)
    const pkg = packageOf(url)
    const group = functionName.startsWith('(') ? functionName : pkg
    packages.set(group, (packages.get(group) ?? 0) + micros)
  }
  const share = (micros) => `${((micros / busy) * 100).toFixed(1).padStart(5)} %`
  const lines = [`${file}: busy ${(busy / 1e6).toFixed(1)} s`]
  lines.push('  by package:')
  for (const [name, micros] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`    ${share(micros)}  ${name}`)
  lines.push('  by function (self):')
  for (const [name, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`    ${share(micros)}  ${name}`)
  return lines.join('\n')
}

for (const target of positionals) {
  const files = fs.statSync(target).isDirectory()
    ? fs
        .readdirSync(target, { recursive: true })
        .filter((name) => String(name).endsWith('.cpuprofile'))
        .map((name) => path.join(target, String(name)))
    : [target]
  for (const file of files.sort()) console.log(summarize(file) + '\n')
}
