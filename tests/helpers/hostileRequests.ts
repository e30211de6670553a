import fs from 'node:fs'
import path from 'node:path'

import fc from 'fast-check'
import { buildSchema, type GraphQLInputObjectType, isInputObjectType } from 'graphql'

/**
 * Generates hostile REST requests from the real configuration: the collections listed
 * in src/payload-types.ts, and for each its fields and their operators as Payload's
 * generated GraphQL schema states them (`Page_where`: `meta__title` is the REST path
 * `meta.title`), plus every operator Payload knows on any field, junk values, odd
 * query parameters, prototype keys and bytes that are not UTF-8.
 */
const root = path.resolve(import.meta.dirname, '../..')

export type HostileRequest = { method: string; path: string; body?: string; contentType?: string }

type Collection = { slug: string; fields: { path: string; operators: string[] }[] }

/** Every `where` operator Payload accepts somewhere. */
const ALL_OPERATORS = [
  'equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal',
  'less_than', 'less_than_equal', 'like', 'not_like', 'contains', 'near', 'within', 'intersects',
]

export const configCollections = (): Collection[] => {
  const types = fs.readFileSync(path.join(root, 'src/payload-types.ts'), 'utf8')
  const block = /collections: \{([^}]*)\}/.exec(types)?.[1] ?? ''
  const entries = [...block.matchAll(/^\s*'?([\w-]+)'?: (\w+)$/gm)].map((m) => ({ slug: m[1]!, type: m[2]! }))
  const schema = buildSchema(fs.readFileSync(path.join(root, 'generated/schema.graphql'), 'utf8'))
  return entries.map(({ slug, type }) => {
    const where = schema.getType(`${type}_where`)
    const fields = isInputObjectType(where)
      ? Object.values(where.getFields())
          .filter((field) => field.name !== 'AND' && field.name !== 'OR')
          .map((field) => {
            const operatorType = schema.getType(String(field.type).replace(/[[\]!]/g, ''))
            return {
              path: field.name.replace(/__/g, '.'),
              operators: isInputObjectType(operatorType)
                ? Object.keys((operatorType as GraphQLInputObjectType).getFields())
                : ALL_OPERATORS,
            }
          })
      : [{ path: 'id', operators: ALL_OPERATORS }]
    return { slug, fields }
  })
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__']

/** Raw (already URL-encoded) values: junk, huge numbers, dates that do not exist, broken bytes. */
const junkValue = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      'undefined', 'null', 'NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '-0', '0x1F', '1_000',
      '9'.repeat(40), '-9'.repeat(20), '2026-13-45', '0000-00-00', '2026-02-30T25:61:61Z', 'notadate',
      '%2500', '%00', '%C0%AF', '%FF%FE', '%ED%A0%80', '%E2%82', '%F0%9F%98%80'.repeat(50), 'true', 'false',
      '[]', '{}', '%5B%5D', '%22%22', "'", "'%20OR%201=1%20--", '%25', '..%2F..%2Fetc%2Fpasswd', '*', '%', '_', '%5C',
      ...PROTOTYPE_KEYS,
    ),
    fc.integer().map(String),
    fc.double().map(String),
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
    fc.string({ maxLength: 30 }).map(encodeURIComponent),
    fc.string({ unit: 'binary', maxLength: 10 }).map(encodeURIComponent),
    fc.uint8Array({ maxLength: 8 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  )

const fieldPath = (collection: Collection) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...collection.fields.map((field) => field)) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...PROTOTYPE_KEYS, 'nope', 'title.__proto__', 'meta.constructor', 'id.id', '', '.')
        .map((p) => ({ path: p, operators: ALL_OPERATORS })),
    },
  )

/** One `where` condition as query-string pairs, sometimes nested in and/or. */
const whereClause = (collection: Collection, depth: number): fc.Arbitrary<string[]> => {
  const leaf = fc
    .tuple(
      fieldPath(collection),
      fc.boolean(),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant('value') },
        { weight: 1, arbitrary: fc.constant('array') },
        { weight: 1, arbitrary: fc.constant('object') },
      ),
      junkValue(),
      fc.constantFrom(...PROTOTYPE_KEYS, '0', 'x'),
    )
    .chain(([field, anyOperator, shape, value, key]) =>
      fc
        .constantFrom(...(anyOperator ? ALL_OPERATORS : field.operators.length ? field.operators : ALL_OPERATORS))
        .map((operator) => {
          const name = `[${field.path.split('.').join('][')}]`
          const base = `${name}[${operator}]`
          if (shape === 'array') return [`${base}[]=${value}`, `${base}[]=${value}`]
          if (shape === 'object') return [`${base}[${key}]=${value}`]
          return [`${base}=${value}`]
        }),
    )
  if (depth <= 0) return leaf
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('and', 'or', 'AND', 'OR'), fc.nat(3), whereClause(collection, depth - 1))
        .map(([logic, index, inner]) => inner.map((pair) => `[${logic}][${index}]${pair}`)),
    },
  )
}

/** The other query parameters with odd values. */
const oddParameter = (collection: Collection): fc.Arbitrary<string> => {
  const field = fc.constantFrom(...collection.fields.map((f) => f.path), ...PROTOTYPE_KEYS)
  return fc.oneof(
    fc.tuple(fc.constantFrom('depth', 'draft', 'page', 'limit', 'locale', 'fallback-locale', 'sort', 'pagination', 'trash', 'disableErrors'), junkValue()).map(([k, v]) => `${k}=${v}`),
    fc.constantFrom('depth=%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80', 'limit=-1', 'limit=0', 'page=0', 'page=-5', 'depth=100', 'depth=-1', 'locale=all', 'locale=*', 'draft=true'),
    fc.tuple(field, junkValue()).map(([f, v]) => `select[${f}]=${v}`),
    fc.tuple(fc.constantFrom('pages', 'media', 'projects', ...PROTOTYPE_KEYS), field, junkValue()).map(([c, f, v]) => `populate[${c}][${f}]=${v}`),
    fc.tuple(field, fc.constantFrom('limit', 'page', 'sort', 'where', 'count', ...PROTOTYPE_KEYS), junkValue()).map(([f, k, v]) => `joins[${f}][${k}]=${v}`),
    fc.tuple(fc.constantFrom('where', 'select', 'populate', 'joins', 'depth', 'sort'), junkValue()).map(([k, v]) => `${k}=${v}`),
    fc.tuple(fc.constantFrom('where', 'select', 'joins'), fc.constantFrom(...PROTOTYPE_KEYS), junkValue()).map(([k, p, v]) => `${k}[${p}][${p}]=${v}`),
  )
}

const jsonBody = (collection: Collection): fc.Arbitrary<string> =>
  fc.oneof(
    fc.json(),
    fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}', '{', '\u0000', '[1,2]'),
    fc.dictionary(fc.constantFrom(...collection.fields.map((f) => f.path.split('.')[0]!), ...PROTOTYPE_KEYS), fc.jsonValue()).map((value) => JSON.stringify(value)),
  )

export const hostileRequest = (): fc.Arbitrary<HostileRequest> => {
  const collections = configCollections()
  return fc.constantFrom(...collections).chain((collection) => {
    const base = `/api/${collection.slug}`
    const query = fc
      .tuple(fc.array(whereClause(collection, 2), { maxLength: 3 }), fc.array(oddParameter(collection), { maxLength: 3 }))
      .map(([wheres, others]) => [...wheres.flat().map((pair) => `where${pair}`), ...others].join('&'))
    const id = fc.oneof(fc.constant('1'), junkValue())
    return fc.oneof(
      { weight: 6, arbitrary: query.map((q) => ({ method: 'GET', path: `${base}?${q}` })) },
      { weight: 2, arbitrary: fc.tuple(id, query).map(([i, q]) => ({ method: 'GET', path: `${base}/${i}?${q}` })) },
      { weight: 1, arbitrary: query.map((q) => ({ method: 'GET', path: `${base}/count?${q}` })) },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.constantFrom('POST', 'PATCH', 'DELETE'), fc.option(id, { nil: undefined }), query, jsonBody(collection)).map(
          ([method, i, q, body]) => ({ method, path: `${base}${i ? `/${i}` : ''}?${q}`, body, contentType: 'application/json' }),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom('site', 'navigation', 'programme', ...PROTOTYPE_KEYS), fc.array(oddParameter(collection), { maxLength: 3 })).map(
          ([global, others]) => ({ method: 'GET', path: `/api/globals/${global}?${others.join('&')}` }),
        ),
      },
    )
  })
}

/** The examples reported in issue 10 and those the fuzz found later, kept as fixed cases. */
export const REPORTED_REQUESTS: HostileRequest[] = [
  '/api/pages?where[_status][within]=undefined',
  '/api/projects?where[title][within]=2026-13-45',
  '/api/projects?where[createdAt][near][]=constructor',
  '/api/projects?where[createdAt][intersects][]=__proto__',
  '/api/projects?where[id][all][]=%2500',
  `/api/documents?depth=${'%F0%9F%98%80'.repeat(20)}`,
  '/api/projects?draft=9999999999999999999999999999999999999999',
  '/api/pages?page=9999999999999999999999999999999999999999',
  `/api/media?where[or][0][title][greater_than]=1e309&where[and][0][or][0][and][0][salt][exists][]=${'9'.repeat(40)}`,
  // Found by `npm run fuzz` (10 000 requests): text operators on date columns, a fractional limit.
  '/api/animations/count?where[publishedAt][contains]=CMyT',
  '/api/pages?where[createdAt][not_like]=2.334743436262796e-274',
  '/api/projects?where[readingTimeMinutes][contains]=-9.49e-33',
  '/api/animations?limit=3.1171991380448813e-103',
  // Found by `npm run fuzz` after breadcrumbs became per locale: every locale at once.
  '/api/pages?locale=*',
  '/api/pages?locale=all&depth=1',
  '/api/pages?select[constructor]=undefined&locale=*',
  '/api/graphql?query=%7BPages(locale%3Aall)%7Bdocs%7Bshare%7Bcanonical%7D%7D%7D%7D',
].map((p) => ({ method: 'GET', path: p }))

/**
 * Sends one request with node's http client (fetch would normalise the path) and
 * returns the status, or `dropped` when the connection ends without an answer.
 */
export const send = async (base: string, request: HostileRequest): Promise<{ status: number | 'dropped'; body: string }> => {
  const { default: http } = await import('node:http')
  const url = new URL(base)
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        agent: false,
        headers: request.body !== undefined ? { 'content-type': request.contentType ?? 'application/json' } : {},
        timeout: 60_000,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        res.on('error', () => resolve({ status: 'dropped', body }))
      },
    )
    req.on('error', (error) => resolve({ status: 'dropped', body: String(error) }))
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.end(request.body)
  })
}
