import type { GraphQLFieldConfig } from 'graphql'
import type { PayloadRequest } from 'payload'

import { search, SearchInputError } from './search'

type GraphQLModule = typeof import('graphql')

/**
 * GraphQL `search(q, type, locale, page, limit)`: the same search as GET /api/search.
 * A bad argument is a GraphQL error with the Dutch message, like a 400 over REST.
 */
export const searchQuery = (
  GraphQL: GraphQLModule,
): GraphQLFieldConfig<unknown, { req: PayloadRequest }> => {
  const {
    GraphQLBoolean,
    GraphQLFloat,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLString,
  } = GraphQL
  const result = new GraphQLObjectType({
    name: 'SearchResult',
    description: 'Een gepubliceerde pagina, project of document dat bij de zoekterm past.',
    fields: {
      type: {
        type: new GraphQLNonNull(GraphQLString),
        description: 'pages, projects of documents',
      },
      id: { type: new GraphQLNonNull(GraphQLString) },
      title: { type: new GraphQLNonNull(GraphQLString) },
      slug: { type: GraphQLString },
      url: {
        type: GraphQLString,
        description: 'Canonieke URL op de website, of voor documenten de download-URL.',
      },
      snippet: {
        type: new GraphQLNonNull(GraphQLString),
        description: 'Passage met de treffers in <mark>…</mark>; verder HTML-veilig.',
      },
      score: { type: new GraphQLNonNull(GraphQLFloat) },
      fileType: { type: GraphQLString },
      fileSize: { type: GraphQLInt },
    },
  })
  const results = new GraphQLObjectType({
    name: 'SearchResults',
    fields: {
      docs: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(result))) },
      totalDocs: { type: new GraphQLNonNull(GraphQLInt) },
      limit: { type: new GraphQLNonNull(GraphQLInt) },
      page: { type: new GraphQLNonNull(GraphQLInt) },
      totalPages: { type: new GraphQLNonNull(GraphQLInt) },
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      hasPrevPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      query: { type: new GraphQLNonNull(GraphQLString) },
    },
  })
  return {
    type: new GraphQLNonNull(results),
    description:
      'Zoeken in gepubliceerde pagina’s, projecten en documenten (ook in de tekst van pdf’s), Nederlandse woordstammen.',
    args: {
      q: { type: new GraphQLNonNull(GraphQLString) },
      type: {
        type: GraphQLString,
        description: 'Komma-gescheiden: pages,projects,documents (standaard alle).',
      },
      locale: { type: GraphQLString, description: 'nl (standaard) of en.' },
      page: { type: GraphQLInt },
      limit: { type: GraphQLInt },
    },
    resolve: async (_source, args, context) => {
      try {
        return await search(context.req.payload, args as Record<string, unknown>)
      } catch (error) {
        if (error instanceof SearchInputError)
          throw new GraphQL.GraphQLError(error.message, {
            extensions: { code: 'BAD_USER_INPUT', path: error.path },
          })
        throw error
      }
    },
  }
}
