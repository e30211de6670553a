import fs from 'node:fs'
import path from 'node:path'

import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

/**
 * The contract is true: every answer a test receives is checked against
 * generated/openapi.json — the path and method are documented, the status is one of the
 * operation's responses, the JSON body matches that response's schema, and the
 * `API-Version` header equals `info.version`. A response that drifts from the document
 * fails the test that received it.
 */
type OpenApi = { info: { version: string }; paths: Record<string, Record<string, unknown>> }

const file = path.resolve(import.meta.dirname, '../../generated/openapi.json')
const document = JSON.parse(fs.readFileSync(file, 'utf8')) as OpenApi

/**
 * OpenAPI 3.0's `nullable` as JSON Schema: `type: [t, 'null']`, or — beside a `$ref` or a
 * composition, where 3.0 allows it but JSON Schema has no type to extend — `anyOf` with null.
 */
const asJsonSchema = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(asJsonSchema)
  if (!value || typeof value !== 'object') return value
  const { nullable, ...rest } = value as Record<string, unknown>
  const out = Object.fromEntries(
    Object.entries(rest).map(([key, inner]) => [key, asJsonSchema(inner)]),
  )
  if (nullable !== true) return out
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] }
  return { anyOf: [out, { type: 'null' }] }
}

/** With `select`, only the chosen fields come back (documented there): nothing is `required`. */
const withoutRequired = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutRequired)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key, inner]) => !(key === 'required' && Array.isArray(inner)))
      .map(([key, inner]) => [
        key,
        key === 'properties'
          ? Object.fromEntries(
              Object.entries(inner as object).map(([name, schema]) => [
                name,
                withoutRequired(schema),
              ]),
            )
          : withoutRequired(inner),
      ]),
  )
}

const ajv = new Ajv({ strict: false, allErrors: true, discriminator: false })
addFormats(ajv)
ajv.addFormat('binary', true)
ajv.addFormat('password', true)
const jsonSchema = asJsonSchema(document) as object
ajv.addSchema({ ...jsonSchema, $id: 'openapi.json' })
ajv.addSchema({ ...(withoutRequired(jsonSchema) as object), $id: 'openapi-select.json' })

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')

/** Templates with fewer parameters first: `/api/pages/count` before `/api/pages/{id}`. */
const templates = Object.keys(document.paths)
  .map((template) => ({
    template,
    params: (template.match(/\{/g) ?? []).length,
    pattern: new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`,
    ),
  }))
  .sort((a, b) => a.params - b.params)

export const findTemplate = (pathname: string): string | undefined =>
  templates.find(({ pattern }) => pattern.test(pathname))?.template

const validators = new Map<string, ValidateFunction>()
const validatorFor = (ref: string, selected: boolean): ValidateFunction => {
  const target = `${selected ? 'openapi-select.json' : 'openapi.json'}#/${ref}`
  let validate = validators.get(target)
  if (!validate) {
    validate = ajv.compile({ $ref: target })
    validators.set(target, validate)
  }
  return validate
}

export type ReceivedResponse = { status: number; headers: Headers; body: unknown; text: string }

/** Throws with the reason when `response` (to `method url`) is not what the document promises. */
export const assertMatchesContract = (
  method: string,
  url: string,
  response: ReceivedResponse,
): void => {
  const pathname = new URL(url, 'http://contract.test').pathname
  const where = `${method.toUpperCase()} ${pathname} → ${response.status}`
  const version = response.headers.get('api-version')
  if (version !== document.info.version)
    throw new Error(
      `${where}: API-Version header is ${version}, the document says ${document.info.version}`,
    )
  const template = findTemplate(pathname)
  if (!template) throw new Error(`${where}: path not in generated/openapi.json`)
  const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase()
  const operation = document.paths[template]![verb] as
    { responses: Record<string, unknown> } | undefined
  if (!operation) throw new Error(`${where}: method not documented for ${template}`)
  const status = String(response.status)
  if (!operation.responses[status])
    throw new Error(`${where}: status not documented for ${verb} ${template}`)
  if (response.status === 304 || response.status === 204 || verb !== method.toLowerCase()) return
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim()
  if (contentType !== 'application/json' && contentType !== 'application/problem+json') return
  let responseRef = pointer('paths', template, verb, 'responses', status)
  const declared = operation.responses[status] as {
    $ref?: string
    content?: Record<string, unknown>
  }
  let content = declared.content
  if (declared.$ref) {
    const name = declared.$ref.split('/').pop()!
    responseRef = pointer('components', 'responses', name)
    content = (
      document as unknown as {
        components: { responses: Record<string, { content?: Record<string, unknown> }> }
      }
    ).components.responses[name]!.content
  }
  if (!content?.[contentType]) throw new Error(`${where}: ${contentType} not documented`)
  const selected = [...new URL(url, 'http://contract.test').searchParams.keys()].some((key) =>
    key.startsWith('select['),
  )
  const validate = validatorFor(
    `${responseRef}/${pointer('content', contentType, 'schema')}`,
    selected && response.status < 400,
  )
  if (!validate(response.body)) {
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map(
        (error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`,
      )
    throw new Error(
      `${where}: body does not match the contract:\n  ${errors.join('\n  ')}\n  body: ${response.text.slice(0, 300)}`,
    )
  }
}

export const contractVersion = document.info.version
