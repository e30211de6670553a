import { type DocumentNode, getOperationAST, Kind, parse, type SelectionSetNode } from 'graphql'
import { formatNames, type SanitizedConfig, toWords } from 'payload'
import { validOperatorSet } from 'payload/shared'

import { type DependencySet, dependencySet, everything } from '../../contentVersion/dependencies'
import { type DependencyGraph, dependencyGraphOf } from '../../contentVersion/graph'
import { draftScope } from '../../contentVersion/scopes'

/**
 * What an anonymous API answer depends on (see src/contentVersion/graph.ts):
 * - REST `/api/<collection>…` and `/api/globals/<slug>…`: that collection or global
 *   and what it reaches at the requested `depth` (Payload's default when absent),
 *   or further when `where`/`sort` follow a path through relationships;
 * - GraphQL: the collections and globals of the query's root fields and everything
 *   they reach (a query selects its own depth);
 * - with drafts asked for (`draft=true`, GraphQL `draft:`): also the `:draft` scopes,
 *   which every draft save changes;
 * - anything else (custom endpoints, `/api/access`, an unknown root field): everything.
 */
export type ApiDependencies = {
  rest: (pathUnderApi: string, search: URLSearchParams) => DependencySet
  graphql: (query: string, operationName: string | undefined) => DependencySet
}

const withDrafts = (graph: DependencyGraph, scopes: readonly string[]): string[] => [
  ...scopes,
  ...scopes.filter((scope) => graph.drafts.has(scope)).map(draftScope),
]

/** Field names in a `where[…]` key or a `sort` item, without operators, and/or and indexes. */
const pathLength = (parts: string[]): number =>
  parts
    .flatMap((part) => part.split('.'))
    .filter((part) => part && part !== 'and' && part !== 'or' && !/^\d+$/.test(part))
    .filter((part) => !validOperatorSet.has(part as never)).length

/** How many relationship steps `where` and `sort` may follow (one per path segment after the first). */
const queryPathSteps = (search: URLSearchParams): number => {
  let steps = 0
  for (const [name, value] of search) {
    if (name.startsWith('where[')) {
      const parts = [...name.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? '')
      steps = Math.max(steps, pathLength(parts) - 1)
    } else if (name === 'sort') {
      for (const item of value.split(','))
        steps = Math.max(steps, pathLength([item.replace(/^-/, '')]) - 1)
    }
  }
  return steps
}

const depthOf = (graph: DependencyGraph, raw: string | null): number => {
  const depth = raw === null || raw === '' ? Number.NaN : Number(raw)
  if (!Number.isFinite(depth)) return graph.defaultDepth
  return Math.min(Math.max(Math.trunc(depth), 0), graph.maxDepth)
}

/** GraphQL root field name → collection or global slug, named as @payloadcms/graphql names them. */
const graphqlRoots = (config: SanitizedConfig): Map<string, string> => {
  const roots = new Map<string, string>()
  for (const collection of config.collections) {
    if (collection.graphQL === false) continue
    const fromSlug = formatNames(collection.slug)
    const singular = collection.graphQL?.singularName
      ? toWords(collection.graphQL.singularName, true)
      : fromSlug.singular
    let plural = collection.graphQL?.pluralName
      ? toWords(collection.graphQL.pluralName, true)
      : fromSlug.plural
    if (singular === plural) plural = `all${singular}`
    for (const name of [
      singular,
      plural,
      `count${plural}`,
      `docAccess${singular}`,
      `version${singular}`,
      `versions${plural}`,
      `me${singular}`,
      `initialized${singular}`,
    ])
      roots.set(name, collection.slug)
  }
  for (const global of config.globals) {
    if (global.graphQL === false) continue
    const name = global.graphQL?.name ?? formatNames(global.slug).singular
    for (const root of [name, `docAccess${name}`, `version${name}`, `versions${name}`])
      roots.set(root, global.slug)
  }
  return roots
}

/** Root field names of the operation, through fragments; undefined when it cannot be read. */
const rootFields = (document: DocumentNode, operationName: string | undefined) => {
  const operation = getOperationAST(document, operationName)
  if (!operation) return undefined
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  )
  const names = new Set<string>()
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value)
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!visit(selection.selectionSet, seen)) return false
      } else {
        const fragment = fragments.get(selection.name.value)
        if (!fragment) return false
        if (seen.has(fragment.name.value)) continue
        if (!visit(fragment.selectionSet, new Set([...seen, fragment.name.value]))) return false
      }
    }
    return true
  }
  return visit(operation.selectionSet, new Set()) ? names : undefined
}

const MAX_MEMO = 500

export const apiDependencies = (config: SanitizedConfig): ApiDependencies => {
  const graph = dependencyGraphOf(config)
  const known = new Set(graph.slugs)
  const roots = graphqlRoots(config)
  const memo = new Map<string, DependencySet>()

  const rest = (pathUnderApi: string, search: URLSearchParams): DependencySet => {
    const [first, second] = pathUnderApi.split('/').filter(Boolean)
    const slug = first === 'globals' ? second : first
    if (!slug || !known.has(slug)) return everything()
    const steps = Math.max(depthOf(graph, search.get('depth')), queryPathSteps(search))
    const scopes = graph.reach(slug, steps)
    return dependencySet(search.get('draft') === 'true' ? withDrafts(graph, scopes) : scopes)
  }

  const graphqlUncached = (query: string, operationName: string | undefined): DependencySet => {
    let names: Set<string> | undefined
    try {
      names = rootFields(parse(query), operationName)
    } catch {
      names = undefined
    }
    if (!names) return everything()
    const scopes = new Set<string>()
    for (const name of names) {
      if (name === '__typename') continue
      const slug = roots.get(name)
      if (!slug) return everything()
      for (const scope of graph.reach(slug, graph.maxDepth)) scopes.add(scope)
    }
    // The draft argument may appear anywhere (also on nested fields): asked for at all, counted.
    return dependencySet(/\bdraft\b/.test(query) ? withDrafts(graph, [...scopes]) : scopes)
  }

  const graphql = (query: string, operationName: string | undefined): DependencySet => {
    const memoKey = `${operationName ?? ''}\n${query}`
    let set = memo.get(memoKey)
    if (!set) {
      set = graphqlUncached(query, operationName)
      if (memo.size >= MAX_MEMO) memo.delete(memo.keys().next().value as string)
      memo.set(memoKey, set)
    }
    return set
  }

  return { rest, graphql }
}

const built = new WeakMap<SanitizedConfig, ApiDependencies>()

/** Built once per config. */
export const apiDependenciesOf = (config: SanitizedConfig): ApiDependencies => {
  let dependencies = built.get(config)
  if (!dependencies) {
    dependencies = apiDependencies(config)
    built.set(config, dependencies)
  }
  return dependencies
}
