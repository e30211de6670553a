import { initI18n } from '@payloadcms/translations'
import fs from 'node:fs'
import path from 'node:path'
import type { SanitizedConfig } from 'payload'

import { buildOpenApiDocument } from './document'

/**
 * `payload generate:openapi` (a bin script in payload.config.ts, run by scripts/generate.mjs):
 * writes generated/openapi.json from the config. Stable output: keys in config order,
 * two-space JSON and a final newline, so `generate:check` sees real changes only.
 */
export const script = async (config: SanitizedConfig): Promise<void> => {
  const i18n = await initI18n({ config: config.i18n, context: 'api', language: 'nl' })
  const document = buildOpenApiDocument(config, i18n)
  const file = path.resolve(process.cwd(), 'generated/openapi.json')
  fs.writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`)
  console.log(
    `openapi: wrote ${path.relative(process.cwd(), file)} (${Object.keys(document.paths).length} paths)`,
  )
}
