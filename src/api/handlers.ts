import config from '@payload-config'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints } from 'payload'

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
 * Payload's GraphQL handler with two corrections:
 * - it reads the JSON body outside its error handling, so a broken body (an APIError
 *   with status 400) became an empty 500: client errors are answered in Payload's error shape;
 * - a request that cannot be executed at all (syntax error, unknown field, too deep or too
 *   complex) is answered 400 with its `errors`, whatever the Accept header, so bad input
 *   is always a 4xx (graphql-http answers 200 for `application/json`).
 */
export const graphqlHandler = async (request: Request): Promise<Response> => {
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
  return new Response(text, { status: requestFailed(text) ? 400 : 200, headers })
}

/** A GraphQL result without `data` is a request error (GraphQL-over-HTTP, §7.1.2). */
const requestFailed = (text: string): boolean => {
  if (!text.startsWith('{"errors"')) return false
  try {
    return !('data' in (JSON.parse(text) as object))
  } catch {
    return false
  }
}
