import type { JSONSchema4 } from 'json-schema'
import type { FlattenedField } from 'payload'

/**
 * What the field config knows and Payload's JSON Schema does not say: which fields are
 * localized (with `locale=all` an object per language), which are computed on read
 * (virtual), and the editor's label as a description. Also the `where`, `select` and
 * `sort` query parameters a collection's fields allow.
 */
const dutch = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value
  if (
    value &&
    typeof value === 'object' &&
    typeof (value as Record<string, unknown>).nl === 'string'
  )
    return (value as Record<string, string>).nl
  return undefined
}

const isVirtual = (field: FlattenedField): boolean =>
  Boolean((field as { virtual?: unknown }).virtual)

const describe = (field: FlattenedField): string | undefined => {
  const label = dutch((field as { label?: unknown }).label)
  const help = dutch((field as { admin?: { description?: unknown } }).admin?.description)
  const parts = [label, help].filter(Boolean) as string[]
  if (isVirtual(field))
    parts.push('Berekend bij het lezen; wordt niet opgeslagen en is niet te wijzigen.')
  if (field.localized) parts.push('Gelokaliseerd (nl, en).')
  return parts.length ? parts.join(' — ') : undefined
}

const nested = (schema: JSONSchema4 | undefined): JSONSchema4 | undefined => {
  if (!schema) return undefined
  if (schema.properties) return schema
  if (schema.items && !Array.isArray(schema.items)) return schema.items
  return undefined
}

/** Adds descriptions, `readOnly` and the `locale=all` form to a document's JSON Schema, in place. */
export const decorateSchema = (schema: JSONSchema4, fields: FlattenedField[]): void => {
  for (const field of fields) {
    const property = schema.properties?.[field.name]
    if (!property) continue
    const children =
      'flattenedFields' in field ? (field.flattenedFields as FlattenedField[]) : undefined
    if (children && (field.type === 'group' || field.type === 'array')) {
      const inner = nested(property)
      if (inner) decorateSchema(inner, children)
    }
    const description = describe(field)
    if (description) property.description = description
    if (isVirtual(field)) property.readOnly = true
    if (field.localized) {
      const { description: text, ...value } = property
      schema.properties![field.name] = {
        description: text,
        anyOf: [
          value,
          {
            type: 'object',
            description: 'Met `locale=all`: de waarde per taal.',
            properties: { nl: value, en: value },
            additionalProperties: false,
          },
        ],
      }
    }
  }
}

type Operators = 'text' | 'number' | 'date' | 'boolean' | 'id'

const OPERATORS: Record<Operators, string[]> = {
  text: ['equals', 'not_equals', 'like', 'contains', 'in', 'not_in', 'exists'],
  number: [
    'equals',
    'not_equals',
    'greater_than',
    'greater_than_equal',
    'less_than',
    'less_than_equal',
    'in',
    'not_in',
    'exists',
  ],
  date: [
    'equals',
    'not_equals',
    'greater_than',
    'greater_than_equal',
    'less_than',
    'less_than_equal',
    'exists',
  ],
  boolean: ['equals', 'not_equals', 'exists'],
  id: ['equals', 'not_equals', 'in', 'not_in', 'exists'],
}

const valueSchema = (kind: Operators, enumValues?: string[]) => {
  if (enumValues) return { type: 'string', enum: enumValues }
  if (kind === 'number') return { type: 'number' }
  if (kind === 'boolean') return { type: 'boolean' }
  if (kind === 'date') return { type: 'string', format: 'date-time' }
  return { type: 'string' }
}

const FILTER_NAMES: Record<Operators, string> = {
  text: 'TextFilter',
  number: 'NumberFilter',
  date: 'DateFilter',
  boolean: 'BooleanFilter',
  id: 'RelationFilter',
}

/** The shared operator schemas (`TextFilter`, …), referred to by every collection's `where`. */
export const filterSchemas = (): Record<string, object> =>
  Object.fromEntries(
    (Object.keys(FILTER_NAMES) as Operators[]).flatMap((kind) => [
      [FILTER_NAMES[kind], operators(kind)],
      [`${FILTER_NAMES[kind]}HasMany`, operators(kind, undefined, true)],
    ]),
  )

/** The operators a field allows in `where`: a shared schema, or its own for a list of options. */
export const operatorSchema = (kind: Operators, enumValues?: string[], hasMany = false): object =>
  enumValues
    ? operators(kind, enumValues, hasMany)
    : { $ref: `#/components/schemas/${FILTER_NAMES[kind]}${hasMany ? 'HasMany' : ''}` }

const operators = (kind: Operators, enumValues?: string[], hasMany = false): object => {
  const value = valueSchema(kind, enumValues)
  const list = { type: 'string', description: 'Komma-gescheiden lijst (of herhaalde parameter).' }
  const names = hasMany ? [...OPERATORS[kind], 'all'] : OPERATORS[kind]
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      names.map((operator) => {
        if (operator === 'exists') return [operator, { type: 'boolean' }]
        if (['in', 'not_in', 'all'].includes(operator)) return [operator, list]
        if (operator === 'like' || operator === 'contains') return [operator, { type: 'string' }]
        return [operator, value]
      }),
    ),
  }
}

const optionValues = (field: FlattenedField): string[] | undefined =>
  'options' in field
    ? (field.options as (string | { value: string })[]).map((option) =>
        typeof option === 'string' ? option : option.value,
      )
    : undefined

/** Every queryable field path (`region.province`) with its operators' schema. */
export const whereFields = (fields: FlattenedField[], prefix = ''): Record<string, object> => {
  const out: Record<string, object> = {}
  for (const field of fields) {
    if (isVirtual(field)) continue
    const path = `${prefix}${field.name}`
    const hasMany = 'hasMany' in field && Boolean(field.hasMany)
    switch (field.type) {
      case 'text':
      case 'textarea':
      case 'email':
      case 'code':
        out[path] = operatorSchema('text', undefined, hasMany)
        break
      case 'number':
        out[path] = operatorSchema('number', undefined, hasMany)
        break
      case 'date':
        out[path] = operatorSchema('date')
        break
      case 'checkbox':
        out[path] = operatorSchema('boolean')
        break
      case 'select':
      case 'radio':
        out[path] = operatorSchema('text', optionValues(field), hasMany)
        break
      case 'relationship':
      case 'upload':
        out[path] = operatorSchema('id', undefined, hasMany)
        break
      case 'group':
      case 'array':
        Object.assign(out, whereFields(field.flattenedFields, `${path}.`))
        break
      default:
        // richText, json, blocks, point, join: not offered as filters here.
        break
    }
  }
  return out
}

/** `select[title]=true&select[region][province]=true`: which fields come back. */
export const selectSchema = (fields: FlattenedField[]): object => ({
  type: 'object',
  properties: Object.fromEntries(
    fields.map((field) => [
      field.name,
      field.type === 'group'
        ? { anyOf: [{ type: 'boolean' }, selectSchema(field.flattenedFields)] }
        : { type: 'boolean' },
    ]),
  ),
})
