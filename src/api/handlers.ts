import config from '@payload-config'
import { configToSchema } from '@payloadcms/graphql'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { GraphQLSchema } from 'graphql'
import { handleEndpoints } from 'payload'

import { stopResolversAfterDeadline, withDeadline } from '../graphql/deadline'
import { refuseCostlyQuery } from '../graphql/guard'
import { languageOf, messageIn } from '../i18n/messages'
import { graphqlMaxCost, graphqlMaxTokens, graphqlTimeoutMs } from '../utilities/env'

/**
 * Payload's REST and GraphQL handlers as plain fetch functions (web Request in,
 * web Response out). The express server calls them directly for /api, without
 * Next's router in between (see src/http/api/); the Next route files use the
 * same functions, so both paths answer identically.
 */
export const restHandler = (request: Request): Promise<Response> =>
  handleEndpoints({ config, request })

const payloadGraphql = GRAPHQL_POST(config)

/**
 * Payload's GraphQL handler behind the project's limits (src/graphql/): a query too long,
 * with a fragment cycle or too expensive is refused with a 400 before Payload parses or
 * validates it, and a request that runs longer than GRAPHQL_TIMEOUT_MS is answered 503
 * (Retry-After) while its remaining resolvers refuse to start.
 */
export const graphqlHandler = async (request: Request): Promise<Response> => {
  const language = languageOf(request.headers.get('accept-language') ?? undefined)
  const params = await graphqlParams(request)
  if (params?.query) {
    const schema = await payloadSchema()
    const refused = refuseCostlyQuery(schema, params.query, params.operationName, language, {
      maxCost: graphqlMaxCost(),
      maxTokens: graphqlMaxTokens(),
    })
    if (refused) return Response.json({ errors: refused.errors }, { status: refused.status, headers: noStore })
  }
  const message = messageIn('graphqlTimeout', language)
  return withDeadline(
    graphqlTimeoutMs(),
    message,
    () => correctedGraphql(request),
    () =>
      Response.json(
        { errors: [{ message, extensions: { code: 'GRAPHQL_TIMEOUT' } }] },
        { status: 503, headers: { ...noStore, 'Retry-After': '5' } },
      ),
  )
}

const noStore = { 'Cache-Control': 'no-store' }

/** The query and operation name of a GET (URL) or POST (JSON body) request; undefined when unreadable. */
const graphqlParams = async (
  request: Request,
): Promise<{ query?: string; operationName?: string } | undefined> => {
  let params: unknown
  if (request.method === 'GET' || request.method === 'HEAD') {
    const search = new URL(request.url).searchParams
    params = { query: search.get('query') ?? undefined, operationName: search.get('operationName') ?? undefined }
  } else {
    try {
      params = JSON.parse(await request.clone().text())
    } catch {
      return undefined
    }
  }
  if (!params || typeof params !== 'object') return undefined
  const { query, operationName } = params as Record<string, unknown>
  return {
    query: typeof query === 'string' ? query : undefined,
    operationName: typeof operationName === 'string' ? operationName : undefined,
  }
}

type PayloadGraphqlCache = {
  graphql: { schema: GraphQLSchema } | null
  promise: Promise<{ schema: GraphQLSchema }> | null
}

/**
 * The schema Payload's handler uses: built once and shared through the same global
 * it caches it in (so there is one schema), its resolvers guarded by the deadline.
 */
const payloadSchema = async (): Promise<GraphQLSchema> => {
  const holder = globalThis as { _payload_graphql?: PayloadGraphqlCache }
  const cached = (holder._payload_graphql ??= { graphql: null, promise: null })
  if (!cached.graphql) {
    cached.promise ??= config.then((resolved) => configToSchema(resolved))
    cached.graphql = await cached.promise
  }
  stopResolversAfterDeadline(cached.graphql.schema)
  return cached.graphql.schema
}

/**
 * Payload's GraphQL handler with two corrections:
 * - it reads the JSON body outside its error handling, so a broken body (an APIError
 *   with status 400) became an empty 500: client errors are answered in Payload's error shape;
 * - a request that cannot be executed at all (syntax error, unknown field, too deep or too
 *   complex) is answered 400 with its `errors`, whatever the Accept header, so bad input
 *   is always a 4xx (graphql-http answers 200 for `application/json`).
 */
const correctedGraphql = async (request: Request): Promise<Response> => {
  let response: Response
  try {
    response = await payloadGraphql(request)
  } catch (error) {
    const status = (error as { status?: unknown }).status
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return Response.json({ errors: [{ message: (error as Error).message }] }, { status })
    }
    throw error
  }
  if (response.status !== 200) return response
  const text = await response.text()
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  return new Response(text, { status: failedStatus(text) ?? 200, headers })
}

/**
 * A GraphQL result without data is a request error (GraphQL-over-HTTP, §7.1.2): 400,
 * or 503 when an error says the database was unavailable (then nothing could be
 * answered, and a client should try again, not fix its query).
 */
const failedStatus = (text: string): number | undefined => {
  if (!text.startsWith('{"errors"')) return undefined
  try {
    const result = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { statusCode?: unknown } }[] }
    if (!('data' in result)) return 400
    // `data: null`, or every root field null: nothing could be answered.
    const data = result.data as Record<string, unknown> | null | undefined
    const noData = data == null || Object.values(data).every((value) => value === null)
    if (!noData) return undefined
    return result.errors?.some((error) => error.extensions?.statusCode === 503) ? 503 : undefined
  } catch {
    return undefined
  }
}
