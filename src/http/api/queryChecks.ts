import * as qs from 'qs-esm'
import type { Payload } from 'payload'

/**
 * Checks a REST request's path and query before Payload sees it, for the classes of
 * nonsense that Payload passes on to the database adapter, which then throws (a 500):
 * - a path segment that is not valid percent-encoding (`/api/pages/%f2%ce`);
 * - a `where` operator the adapter has no implementation for (`all`; `near`, `within`,
 *   `intersects` without a point field): "adapter.operators[queryOperator] is not a function";
 * - an operand of the wrong shape: a list or object where one value belongs
 *   (`contains[]=a&contains[]=b` becomes `like (?, ?)`), a value for `exists` that is
 *   not true/false;
 * - `page`, `limit` or `depth` beyond any real use (an offset the database cannot hold).
 * Returns the reason (for the log) or undefined when the request may go on.
 */
const SCALAR_OPERATORS = new Set([
  'equals', 'not_equals', 'like', 'not_like', 'contains',
  'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal',
])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const ALL_OPERATORS = new Set([...SCALAR_OPERATORS, ...LIST_OPERATORS, ...GEO_OPERATORS, 'exists'])
const LOGIC = new Set(['and', 'or', 'AND', 'OR'])
const MAX_PAGE = 1_000_000
const MAX_NUMBER_PARAM = 100_000

export type QueryRules = { operators: Set<string> | undefined }

/** What this database adapter implements (undefined: MongoDB, which checks itself). */
export const queryRulesOf = (payload: Payload): QueryRules => {
  const adapterOperators = (payload.db as { operators?: Record<string, unknown> }).operators
  if (!adapterOperators) return { operators: undefined }
  const operators = new Set(Object.keys(adapterOperators).filter((name) => ALL_OPERATORS.has(name)))
  if (JSON.stringify(payload.config.collections.map((c) => c.flattenedFields)).includes('"type":"point"'))
    for (const name of GEO_OPERATORS) operators.add(name)
  return { operators }
}

export const invalidRestQuery = (path: string, search: string, rules: QueryRules): string | undefined => {
  for (const segment of path.split('/')) {
    try {
      decodeURIComponent(segment)
    } catch {
      return `path segment is not valid percent-encoding: ${segment.slice(0, 40)}`
    }
  }
  if (!search || search === '?') return undefined
  const query = qs.parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true })
  for (const name of ['page', 'limit', 'depth'] as const) {
    const value = query[name]
    if (value === undefined) continue
    if (typeof value !== 'string') return `${name} must be one number`
    const number = Number(value)
    // A number must be a whole one in range (3.1e-103 reached SQLite as a LIMIT); words are ignored by Payload.
    if (!Number.isNaN(number) && (!Number.isSafeInteger(number) || Math.abs(number) > (name === 'page' ? MAX_PAGE : MAX_NUMBER_PARAM)))
      return `${name} is out of range`
  }
  if (query.where !== undefined) return invalidWhere(query.where, rules, 0)
  return undefined
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const invalidWhere = (where: unknown, rules: QueryRules, depth: number): string | undefined => {
  if (depth > 20) return 'where is nested too deeply'
  if (typeof where === 'string') return undefined // JSON `where`: Payload parses and checks it
  if (!isPlainObject(where)) return 'where must be an object'
  for (const [key, value] of Object.entries(where)) {
    if (LOGIC.has(key)) {
      const list = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : undefined
      if (!list) return `where.${key} must be a list of conditions`
      for (const item of list) {
        const reason = invalidWhere(item, rules, depth + 1)
        if (reason) return reason
      }
      continue
    }
    const reason = invalidCondition(key, value, rules, depth + 1)
    if (reason) return reason
  }
  return undefined
}

/** `value` holds operators, or (for a nested path, where[meta][title][equals]) more path. */
const invalidCondition = (path: string, value: unknown, rules: QueryRules, depth: number): string | undefined => {
  if (depth > 20) return 'where is nested too deeply'
  if (!isPlainObject(value)) return `where.${path} needs an operator`
  for (const [key, operand] of Object.entries(value)) {
    if (!ALL_OPERATORS.has(key)) {
      // Not an operator: the next segment of the path (Payload reports unknown paths itself).
      const reason = invalidCondition(`${path}.${key}`, operand, rules, depth + 1)
      if (reason) return reason
      continue
    }
    if (rules.operators && !rules.operators.has(key)) return `operator ${key} is not supported by this database`
    if (SCALAR_OPERATORS.has(key) && typeof operand !== 'string') return `${path}.${key} takes one value`
    if (LIST_OPERATORS.has(key) && !(typeof operand === 'string' || (Array.isArray(operand) && operand.every((item) => typeof item === 'string'))))
      return `${path}.${key} takes a list of values`
    if (key === 'exists' && !(typeof operand === 'string' && /^(true|false|1|0)$/i.test(operand)))
      return `${path}.exists takes true or false`
  }
  return undefined
}
