import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'

/**
 * Refuses operations nested deeper than `maxDepth` fields (fragments followed,
 * introspection fields not counted), before anything is executed. Payload limits
 * complexity (maxComplexity) but not depth; a deep query through relationships
 * costs queries at every level.
 */
export const depthLimit =
  (maxDepth: number, message: (depth: number) => string): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition)
    }

    const depthOf = (
      selectionSet: SelectionSetNode | undefined,
      depth: number,
      visiting: Set<string>,
    ): number => {
      if (!selectionSet) return depth
      let deepest = depth
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue
          deepest = Math.max(deepest, depthOf(selection.selectionSet, depth + 1, visiting))
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, depth, visiting))
        } else {
          const name = selection.name.value
          const fragment = fragments.get(name)
          // A fragment cycle is reported by graphql's own NoFragmentCycles rule.
          if (!fragment || visiting.has(name)) continue
          visiting.add(name)
          deepest = Math.max(deepest, depthOf(fragment.selectionSet, depth, visiting))
          visiting.delete(name)
        }
        if (deepest > maxDepth) return deepest
      }
      return deepest
    }

    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, 0, new Set())
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
