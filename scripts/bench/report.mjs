/** Tables for the terminal and markdown, machine info, and the files under bench-results/. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { root } from './processes.mjs'

export const fixed = (value, digits = 0) =>
  value === undefined || value === null || Number.isNaN(value) ? '–' : Number(value).toFixed(digits)

export const seconds = (ms) => `${fixed(ms / 1000, 2)} s`

/** columns: [{ title, value: (row) => string, right?: boolean }] */
export const table = (columns, rows) => {
  const cells = rows.map((row) => columns.map((column) => String(column.value(row))))
  const widths = columns.map((column, i) =>
    Math.max(column.title.length, ...cells.map((line) => line[i].length)),
  )
  const pad = (text, i) => (columns[i].right ? text.padStart(widths[i]) : text.padEnd(widths[i]))
  const text = [
    columns.map((column, i) => pad(column.title, i)).join('  '),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.map((line) => line.map(pad).join('  ')),
  ].join('\n')
  const markdown = [
    `| ${columns.map((column) => column.title).join(' | ')} |`,
    `| ${columns.map((column) => (column.right ? '---:' : '---')).join(' | ')} |`,
    ...cells.map((line) => `| ${line.join(' | ')} |`),
  ].join('\n')
  return { text, markdown }
}

const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
  } catch {
    return undefined
  }
}

export const machineInfo = () => {
  const cpus = os.cpus()
  const dirty = git('status', '--porcelain', '--untracked-files=no')
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    commit: `${git('rev-parse', '--short', 'HEAD') ?? 'unknown'}${dirty ? '-dirty' : ''}`,
    branch: git('rev-parse', '--abbrev-ref', 'HEAD'),
    // Other work on the machine skews every figure: recorded so a reader can judge.
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
  }
}

export const machineLine = (machine) =>
  `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}, commit ${machine.commit} (${machine.branch}), load average at start ${machine.loadAverageAtStart.join(' ')}`

/** Writes bench-results/<kind>-<timestamp>.{md,json}; returns the two paths. */
export const writeResults = (kind, timestamp, markdown, json) => {
  const dir = path.join(root, 'bench-results')
  fs.mkdirSync(dir, { recursive: true })
  const base = path.join(dir, `${kind}-${timestamp.replaceAll(':', '-').replace(/\..+$/, '')}`)
  fs.writeFileSync(`${base}.md`, markdown)
  fs.writeFileSync(`${base}.json`, JSON.stringify(json, null, 2) + '\n')
  return [`${base}.md`, `${base}.json`].map((file) => path.relative(root, file))
}
