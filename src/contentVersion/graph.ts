import type { Block, Field, SanitizedConfig } from 'payload'

/**
 * What an answer about one collection or global can contain, derived from the Payload
 * config once at start (never listed by hand): the collections a document points to
 * through relationship, upload, join and block fields, and through the rich-text
 * features (blocks, uploads, internal links) of its Lexical fields. A field whose
 * hooks read other data on the way out declares it in the config itself:
 * `custom: { readsFrom: ['site'] }` (see ../fields/share.ts).
 */
export type DependencyGraph = {
  /** Every collection and global slug of the config. */
  slugs: readonly string[]
  /** Collections and globals with drafts (they have a `<slug>:draft` scope as well). */
  drafts: ReadonlySet<string>
  /**
   * The slugs an answer about `slug` at `depth` can contain: itself, its hidden reads,
   * and everything reachable in at most `depth` populated relationship steps.
   */
  reach: (slug: string, depth: number) => readonly string[]
  /**
   * Collections whose stored rows point at `slug` (relationship and upload columns):
   * deleting a document of `slug` changes them too (the database clears or removes
   * the reference), even where they are read at depth 0.
   */
  referrers: (slug: string) => readonly string[]
  /** Payload's deepest population (config.maxDepth): everything reachable at all. */
  maxDepth: number
  defaultDepth: number
}

type Edges = { populated: Set<string>; stored: Set<string>; reads: Set<string> }

const toList = (relationTo: unknown): string[] =>
  Array.isArray(relationTo) ? relationTo.map(String) : relationTo ? [String(relationTo)] : []

const readsFromOf = (field: { custom?: Record<string, unknown> }): string[] => {
  const reads = field.custom?.readsFrom
  return Array.isArray(reads) ? reads.map(String) : []
}

type RichTextFeature = {
  generateSchemaMap?: (args: Record<string, unknown>) => Map<string, unknown> | null | undefined
  sanitizedServerFeatureProps?: { enabledCollectionSlugs?: unknown }
}

/**
 * The collections a Lexical field can show: its upload and relationship nodes
 * (`enabledCollectionSlugs`) and the fields of its blocks and links (their schema map).
 * Another editor, or one this cannot read, is assumed to reach every collection.
 */
const richTextTargets = (
  field: Field & { editor?: unknown },
  config: SanitizedConfig,
  visitFields: (fields: Field[], stored: boolean) => void,
  everything: () => void,
): void => {
  const editor = field.editor as
    { editorConfig?: { resolvedFeatureMap?: Map<string, RichTextFeature> } } | undefined
  const features = editor?.editorConfig?.resolvedFeatureMap
  if (!(features instanceof Map)) return everything()
  for (const feature of features.values()) {
    const props = feature.sanitizedServerFeatureProps
    for (const slug of toList(props?.enabledCollectionSlugs))
      visitFields([{ name: 'node', type: 'relationship', relationTo: slug } as Field], false)
    let schema: Map<string, unknown> | null | undefined
    try {
      schema = feature.generateSchemaMap?.({
        config,
        field,
        i18n: undefined,
        props,
        schemaMap: new Map(),
        schemaPath: '',
      })
    } catch {
      everything()
      continue
    }
    for (const entry of schema?.values() ?? []) {
      const fields = (entry as { fields?: Field[] }).fields
      // A rich-text value is one JSON column: nothing in it is a stored reference.
      if (Array.isArray(fields)) visitFields(fields, false)
      else if (entry && typeof entry === 'object' && 'type' in entry)
        visitFields([entry as Field], false)
    }
  }
}

const edgesOf = (fields: Field[], config: SanitizedConfig, allSlugs: string[]): Edges => {
  const edges: Edges = { populated: new Set(), stored: new Set(), reads: new Set() }
  const blockBySlug = new Map((config.blocks ?? []).map((block) => [block.slug, block]))
  const seenBlocks = new Set<Block>()
  const visit = (list: Field[], stored: boolean): void => {
    for (const field of list) {
      for (const slug of readsFromOf(field as { custom?: Record<string, unknown> }))
        edges.reads.add(slug)
      switch (field.type) {
        case 'relationship':
        case 'upload':
          for (const slug of toList(field.relationTo)) {
            edges.populated.add(slug)
            if (stored) edges.stored.add(slug)
          }
          break
        case 'join':
          for (const slug of toList(field.collection)) edges.populated.add(slug)
          break
        case 'blocks': {
          const blocks = [
            ...(field.blocks ?? []),
            ...(field.blockReferences ?? []).map((block) =>
              typeof block === 'string' ? blockBySlug.get(block) : block,
            ),
          ]
          for (const block of blocks) {
            if (!block || seenBlocks.has(block)) continue
            seenBlocks.add(block)
            visit(block.fields, stored)
          }
          break
        }
        case 'tabs':
          for (const tab of field.tabs) visit(tab.fields, stored)
          break
        case 'richText':
          richTextTargets(field, config, visit, () => {
            for (const slug of allSlugs) edges.populated.add(slug)
          })
          break
        default:
          if ('fields' in field && Array.isArray(field.fields)) visit(field.fields, stored)
      }
    }
  }
  visit(fields, true)
  return edges
}

export const buildDependencyGraph = (config: SanitizedConfig): DependencyGraph => {
  const owners = [
    ...config.collections.map((collection) => ({
      slug: collection.slug,
      fields: collection.fields,
      drafts: Boolean(collection.versions && collection.versions.drafts),
    })),
    ...config.globals.map((global) => ({
      slug: global.slug,
      fields: global.fields,
      drafts: Boolean(global.versions && global.versions.drafts),
    })),
  ]
  const slugs: string[] = owners.map((owner) => owner.slug)
  const edges = new Map<string, Edges>(
    owners.map((owner) => [owner.slug, edgesOf(owner.fields, config, slugs)]),
  )
  const referrers = new Map<string, string[]>()
  for (const [owner, { stored }] of edges) {
    for (const target of stored) referrers.set(target, [...(referrers.get(target) ?? []), owner])
  }

  const memo = new Map<string, readonly string[]>()
  const reach = (slug: string, depth: number): readonly string[] => {
    const memoKey = `${slug}\n${depth}`
    const known = memo.get(memoKey)
    if (known) return known
    const found = new Set<string>()
    const include = (scope: string) => {
      if (found.has(scope)) return false
      found.add(scope)
      // Hidden reads happen whatever the depth, and may read further in turn.
      for (const read of edges.get(scope)?.reads ?? []) include(read)
      return true
    }
    include(slug)
    let frontier = [...found]
    for (let step = 0; step < depth && frontier.length > 0; step += 1) {
      const next: string[] = []
      for (const scope of frontier)
        for (const target of edges.get(scope)?.populated ?? [])
          if (include(target)) next.push(target)
      frontier = next.flatMap((target) => [target, ...(edges.get(target)?.reads ?? [])])
    }
    const result = [...found].sort()
    memo.set(memoKey, result)
    return result
  }

  return {
    slugs,
    drafts: new Set<string>(owners.filter((owner) => owner.drafts).map((owner) => owner.slug)),
    reach,
    referrers: (slug) => referrers.get(slug) ?? [],
    maxDepth: config.maxDepth ?? 10,
    defaultDepth: config.defaultDepth ?? 2,
  }
}

const graphs = new WeakMap<SanitizedConfig, DependencyGraph>()

/** The graph of a config, built on first use. */
export const dependencyGraphOf = (config: SanitizedConfig): DependencyGraph => {
  let graph = graphs.get(config)
  if (!graph) {
    graph = buildDependencyGraph(config)
    graphs.set(config, graph)
  }
  return graph
}
