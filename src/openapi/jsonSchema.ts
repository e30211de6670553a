import type { JSONSchema4 } from 'json-schema'

/**
 * Payload describes documents as JSON Schema draft 4 (the source of payload-types.ts).
 * OpenAPI 3.0.3 speaks a dialect of it: no type arrays (`nullable` instead), no `null`
 * type, refs into `#/components/schemas`. This turns the one into the other.
 */
export type Schema = Record<string, unknown>

export const toOpenApiSchema = (
  schema: JSONSchema4,
  rename: (definition: string) => string,
): Schema => {
  const out: Schema = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = `#/components/schemas/${rename(value.replace('#/definitions/', ''))}`
    } else if (key === 'type' && Array.isArray(value)) {
      const types = value.filter((type) => type !== 'null')
      if (types.length !== value.length) out.nullable = true
      if (types.length === 1) out.type = types[0]
      // A union of several types (e.g. json fields) has no 3.0 form but "anything".
    } else if (key === 'type' && value === 'null') {
      out.nullable = true
      out.enum = [null]
    } else if (
      ['properties', 'patternProperties', 'definitions'].includes(key) &&
      value &&
      typeof value === 'object'
    ) {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, JSONSchema4>).map(([name, inner]) => [
          name,
          toOpenApiSchema(inner, rename),
        ]),
      )
    } else if (
      ['items', 'additionalProperties', 'not'].includes(key) &&
      value &&
      typeof value === 'object' &&
      !Array.isArray(value)
    ) {
      out[key] = toOpenApiSchema(value as JSONSchema4, rename)
    } else if (['oneOf', 'anyOf', 'allOf'].includes(key) && Array.isArray(value)) {
      out[key] = value.map((inner) => toOpenApiSchema(inner as JSONSchema4, rename))
    } else if (key === 'items' && Array.isArray(value)) {
      // Tuples do not exist in 3.0: any of the item schemas.
      out.items = { anyOf: value.map((inner) => toOpenApiSchema(inner as JSONSchema4, rename)) }
    } else if (key === 'const') {
      // OpenAPI 3.0 has no `const`: a one-value enum says the same.
      out.enum = [value]
    } else if (key === 'required' && Array.isArray(value) && value.length === 0) {
      // Draft 4 allows an empty list, OpenAPI 3.0 does not; it means nothing is required.
    } else if (
      key === 'tsType' ||
      key === '$schema' ||
      (key === 'id' && typeof value === 'string')
    ) {
      // TypeScript-only hints and draft-4 identifiers have no meaning here.
    } else {
      out[key] = value
    }
  }
  // `nullable` needs a type (or composition) beside it in 3.0; a null-able enum lists null.
  if (out.nullable && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...out.enum, null]
  if (out.oneOf && Array.isArray(out.oneOf)) {
    const options = out.oneOf as Schema[]
    const nullOption = options.findIndex(
      (option) => option.nullable && Array.isArray(option.enum) && option.enum.length === 1,
    )
    if (nullOption >= 0) {
      out.oneOf = options.filter((_, index) => index !== nullOption)
      out.nullable = true
    }
  }
  return out
}

/** `pages` → `Page`, `auditLog` → `AuditLog`, `payload-jobs` → `PayloadJob`: UpperCamelCase schema names. */
export const schemaName = (definition: string): string => {
  const words = definition.split(/[-_\s]+/).filter(Boolean)
  const pascal = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')
  if (pascal.endsWith('ies')) return `${pascal.slice(0, -3)}y`
  if (pascal.endsWith('Stats') || pascal.endsWith('Media') || pascal.endsWith('Log')) return pascal
  return pascal.endsWith('s') && !pascal.endsWith('ss') ? pascal.slice(0, -1) : pascal
}

/** The schemas reachable from `roots` through `$ref`s: the rest are TypeScript-only helpers. */
export const reachable = (schemas: Record<string, unknown>, roots: string[]): Set<string> => {
  const seen = new Set<string>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (!value || typeof value !== 'object') return
    for (const [key, inner] of Object.entries(value)) {
      if (
        key === '$ref' &&
        typeof inner === 'string' &&
        inner.startsWith('#/components/schemas/')
      ) {
        const name = inner.slice('#/components/schemas/'.length)
        if (!seen.has(name)) {
          seen.add(name)
          visit(schemas[name])
        }
      } else visit(inner)
    }
  }
  roots.forEach((root) => {
    seen.add(root)
    visit(schemas[root])
  })
  return seen
}
