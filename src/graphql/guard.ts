import { type GraphQLSchema, Kind, parse } from 'graphql'

import { messageIn } from '../i18n/messages'
import { fragmentCycles, measureOperations } from './queryCost'

export type GraphqlRefusal = {
  status: 400
  errors: { message: string; extensions: Record<string, unknown> }[]
}

/**
 * Checks a GraphQL query before Payload validates or runs it: too many tokens, a
 * fragment cycle (graphql-js' other rules and Payload's complexity rule recurse into
 * it without end: a stack overflow, an empty 500) or a price above the budget (every
 * root field, alias and related document counted; see queryCost.ts). Each check is
 * linear in the query's length. Undefined: let Payload handle it (including syntax
 * errors, which it reports itself).
 */
export const refuseCostlyQuery = (
  schema: GraphQLSchema,
  query: string,
  operationName: string | undefined,
  language: 'nl' | 'en',
  limits: { maxCost: number; maxTokens: number },
): GraphqlRefusal | undefined => {
  let document
  try {
    document = parse(query, { noLocation: true, maxTokens: limits.maxTokens })
  } catch (error) {
    // graphql 16 says "more that N tokens".
    if (/Document contains more th(a|e)n/.test((error as Error).message)) {
      return refusal(messageIn('graphqlTooLong', language, { maxTokens: String(limits.maxTokens) }), {
        code: 'GRAPHQL_QUERY_TOO_LONG',
        maxTokens: limits.maxTokens,
      })
    }
    return undefined
  }
  const cycles = fragmentCycles(document)
  if (cycles.length > 0) {
    return {
      status: 400,
      errors: cycles.map((name) => ({
        message: messageIn('graphqlFragmentCycle', language, { name }),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', fragment: name },
      })),
    }
  }
  let cost = 0
  for (const [operation, measure] of measureOperations(schema, document)) {
    const chosen = operationName === undefined || operation.name?.value === operationName
    if (chosen && operation.kind === Kind.OPERATION_DEFINITION) cost = Math.max(cost, measure.cost)
  }
  if (cost > limits.maxCost) {
    const shown = Number.isSafeInteger(cost) ? String(cost) : '> 9007199254740991'
    return refusal(
      messageIn('graphqlTooExpensive', language, { cost: shown, maxCost: String(limits.maxCost) }),
      { code: 'GRAPHQL_QUERY_TOO_EXPENSIVE', cost: Number.isSafeInteger(cost) ? cost : null, maxCost: limits.maxCost },
    )
  }
  return undefined
}

const refusal = (message: string, extensions: Record<string, unknown>): GraphqlRefusal => ({
  status: 400,
  errors: [{ message, extensions }],
})
