import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'

/**
 * What one GraphQL operation would cost, computed from the parsed document and the
 * schema without running it. Every fragment is measured once (memoised), so a
 * document whose fragments each spread the next one twice is measured in time
 * proportional to its length, not to the 2^levels selections it expands to.
 *
 * Prices (per selected field, aliases counted separately):
 * - a root field (`Page(id: 1)`, `Pages(…)`, a mutation): ROOT — each one is a database query;
 * - a field returning a document (relationship, upload, `parent`): RELATION — a lookup;
 * - any other field: 1.
 * A list is not multiplied by its `limit`: related documents are loaded in batches.
 */
export const FIELD_COST = { ROOT: 100, RELATION: 20, FIELD: 1 } as const

export type QueryMeasure = { cost: number; depth: number }

/** Fragment names that spread themselves, directly or through others (A→A, A→B→A). */
export const fragmentCycles = (document: DocumentNode): string[] => {
  const spreads = new Map<string, string[]>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      spreads.set(definition.name.value, spreadNames(definition.selectionSet))
  }
  const state = new Map<string, 'visiting' | 'done'>()
  const cyclic = new Set<string>()
  // Iterative depth-first search: a long chain must not overflow the stack.
  for (const start of spreads.keys()) {
    if (state.has(start)) continue
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }]
    state.set(start, 'visiting')
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const targets = spreads.get(top.name) ?? []
      if (top.next >= targets.length) {
        state.set(top.name, 'done')
        stack.pop()
        continue
      }
      const target = targets[top.next++]!
      if (!spreads.has(target)) continue
      const seen = state.get(target)
      if (seen === 'visiting') {
        cyclic.add(target)
        continue
      }
      if (seen === 'done') continue
      state.set(target, 'visiting')
      stack.push({ name: target, next: 0 })
    }
  }
  return [...cyclic]
}

const spreadNames = (selectionSet: SelectionSetNode): string[] => {
  const names: string[] = []
  const pending: SelectionSetNode[] = [selectionSet]
  while (pending.length > 0) {
    for (const selection of pending.pop()!.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value)
      else if (selection.selectionSet) pending.push(selection.selectionSet)
    }
  }
  return names
}

/**
 * Cost and depth of each operation in `document` (call only when it has no fragment
 * cycles). Depth counts nested fields, fragments followed, introspection not counted.
 */
export const measureOperations = (
  schema: GraphQLSchema,
  document: DocumentNode,
): Map<OperationDefinitionNode, QueryMeasure> => {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition)
  }
  const memo = new Map<string, QueryMeasure>()
  const zero: QueryMeasure = { cost: 0, depth: 0 }

  const fragment = (name: string): QueryMeasure => {
    const known = memo.get(name)
    if (known) return known
    const definition = fragments.get(name)
    if (!definition) return zero
    // Guards a cycle that slipped through: counted once, never followed again.
    memo.set(name, zero)
    const type = schema.getType(definition.typeCondition.name.value)
    // A fragment on the root type (`fragment F on Query { a: Page(id: 1) { … } }`)
    // holds root fields: priced as such, or aliases in fragments would be cheap.
    const root = !!type && (type === schema.getQueryType() || type === schema.getMutationType())
    const measured = selectionSet(
      definition.selectionSet,
      type && isCompositeType(type) ? type : undefined,
      root,
    )
    memo.set(name, measured)
    return measured
  }

  const selectionSet = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    root: boolean,
  ): QueryMeasure => {
    let cost = 0
    let depth = 0
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value
        if (name.startsWith('__')) {
          cost += FIELD_COST.FIELD
          continue
        }
        const field =
          parent && 'getFields' in parent ? parent.getFields()[name] : undefined
        const type = field ? getNamedType(field.type) : undefined
        const price = root
          ? FIELD_COST.ROOT
          : type && isDocumentType(type)
            ? FIELD_COST.RELATION
            : FIELD_COST.FIELD
        const inner = selection.selectionSet
          ? selectionSet(
              selection.selectionSet,
              type && isCompositeType(type) ? type : undefined,
              false,
            )
          : zero
        cost += price + inner.cost
        depth = Math.max(depth, inner.depth + 1)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent
        const inner = selectionSet(
          selection.selectionSet,
          condition && isCompositeType(condition) ? condition : undefined,
          root,
        )
        cost += inner.cost
        depth = Math.max(depth, inner.depth)
      } else {
        const inner = fragment(selection.name.value)
        cost += inner.cost
        depth = Math.max(depth, inner.depth)
      }
    }
    return { cost, depth }
  }

  const result = new Map<OperationDefinitionNode, QueryMeasure>()
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    const rootType =
      definition.operation === 'query'
        ? schema.getQueryType()
        : definition.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType()
    result.set(definition, selectionSet(definition.selectionSet, rootType ?? undefined, true))
  }
  return result
}

/** A collection's document type: an object type with an `id`, `createdAt` and `updatedAt`. */
const isDocumentType = (type: ReturnType<typeof getNamedType>): boolean => {
  if (!isObjectType(type)) return false
  const fields = type.getFields()
  return 'id' in fields && 'createdAt' in fields && 'updatedAt' in fields
}
