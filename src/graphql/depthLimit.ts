import { type ASTVisitor, GraphQLError, type ValidationContext, type ValidationRule } from 'graphql'

import { fragmentCycles, measureOperations } from './queryCost'

/**
 * Refuses operations nested deeper than `maxDepth` fields (fragments followed,
 * introspection fields not counted), before anything is executed. Payload limits
 * complexity (maxComplexity) but not depth; a deep query through relationships
 * costs queries at every level. Each fragment is measured once (see queryCost.ts):
 * walking every path would take time exponential in the number of fragments.
 */
export const depthLimit =
  (maxDepth: number, message: (depth: number) => string): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument()
    // Cycles are reported by graphql's own NoFragmentCycles rule.
    const measures = fragmentCycles(document).length
      ? undefined
      : measureOperations(context.getSchema(), document)
    return {
      OperationDefinition(operation) {
        const depth = measures?.get(operation)?.depth ?? 0
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(message(depth), {
              nodes: [operation],
              extensions: { code: 'GRAPHQL_QUERY_TOO_DEEP', maxDepth },
            }),
          )
        }
      },
    }
  }
