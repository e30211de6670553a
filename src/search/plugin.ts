import type { Plugin } from 'payload'

import { searchQuery } from './graphql'
import {
  extractUploadedPdf,
  isSearchable,
  removeFromSearchIndex,
  updateSearchIndex,
} from './indexer'
import { ensureSearchIndex } from './store'

/**
 * Dutch full-text search over published pages, projects and documents: the index is
 * kept by hooks in each change's transaction (./indexer.ts), created at start when
 * missing, and queried by GET /api/search (src/http/search.ts) and GraphQL `search`.
 */
export const fullTextSearch: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    isSearchable(collection.slug)
      ? {
          ...collection,
          hooks: {
            ...collection.hooks,
            beforeChange: [
              ...(collection.hooks?.beforeChange ?? []),
              ...(collection.slug === 'documents' ? [extractUploadedPdf] : []),
            ],
            afterChange: [...(collection.hooks?.afterChange ?? []), updateSearchIndex],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), removeFromSearchIndex],
          },
        }
      : collection,
  ),
  onInit: async (payload) => {
    await config.onInit?.(payload)
    await ensureSearchIndex(payload)
  },
  graphQL: {
    ...config.graphQL,
    queries: (GraphQL, context) => ({
      ...(config.graphQL?.queries?.(GraphQL, context) ?? {}),
      search: searchQuery(GraphQL as unknown as typeof import('graphql')),
    }),
  },
})
