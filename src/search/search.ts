import type { Payload } from 'payload'

import { isSearchable, SEARCHABLE, type Searchable } from './indexer'
import { highlight } from './snippet'
import { queryIndex } from './store'
import { queryTerms, stem } from './text'

/**
 * A search as the public asks it (REST /api/search and GraphQL `search`): published
 * pages, projects and documents, best match first, 10 a page, with a highlighted passage.
 */
export type SearchInput = {
  q?: unknown
  type?: unknown
  locale?: unknown
  page?: unknown
  limit?: unknown
}

export type SearchResult = {
  type: Searchable
  id: string
  title: string
  slug: string | null
  url: string | null
  snippet: string
  score: number
  fileType: string | null
  fileSize: number | null
}

export type SearchAnswer = {
  docs: SearchResult[]
  totalDocs: number
  limit: number
  page: number
  totalPages: number
  hasNextPage: boolean
  hasPrevPage: boolean
  query: string
}

export class SearchInputError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message)
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) ? text(value[0]) : undefined

export const parseSearchInput = (input: SearchInput) => {
  const q = (text(input.q) ?? '').trim()
  if (!q) throw new SearchInputError('Geef een zoekterm op met `q`.', 'q')
  if (q.length > 200)
    throw new SearchInputError('De zoekterm is te lang (maximaal 200 tekens).', 'q')
  const typeText = text(input.type)
  const types = typeText
    ? typeText
        .split(',')
        .map((type) => type.trim())
        .filter(Boolean)
    : [...SEARCHABLE]
  const unknown = types.find((type) => !isSearchable(type))
  if (unknown)
    throw new SearchInputError(
      `Onbekend type "${unknown}"; kies uit ${SEARCHABLE.join(', ')}.`,
      'type',
    )
  const locale = text(input.locale) ?? 'nl'
  if (locale !== 'nl' && locale !== 'en')
    throw new SearchInputError('`locale` is nl of en.', 'locale')
  const page = Number(text(input.page) ?? input.page ?? 1)
  if (!Number.isInteger(page) || page < 1 || page > 1000)
    throw new SearchInputError('`page` is een geheel getal vanaf 1.', 'page')
  const limit = Number(text(input.limit) ?? input.limit ?? 10)
  if (!Number.isInteger(limit) || limit < 1 || limit > 50)
    throw new SearchInputError('`limit` is een geheel getal van 1 tot en met 50.', 'limit')
  return { q, types: types as Searchable[], locale, page, limit }
}

export const search = async (payload: Payload, input: SearchInput): Promise<SearchAnswer> => {
  const { q, types, locale, page, limit } = parseSearchInput(input)
  const terms = queryTerms(q)
  const empty = {
    docs: [],
    totalDocs: 0,
    limit,
    page,
    totalPages: 0,
    hasNextPage: false,
    hasPrevPage: page > 1,
    query: q,
  }
  if (!terms.length) return empty
  const { hits, total } = await queryIndex(payload, {
    terms,
    stems: terms.map(stem),
    collections: types,
    locale,
    limit,
    offset: (page - 1) * limit,
  })
  const totalPages = Math.ceil(total / limit)
  return {
    docs: hits.map((hit) => ({
      type: hit.collection as Searchable,
      id: hit.docId,
      title: hit.title,
      slug: hit.slug,
      url: hit.url,
      snippet: highlight([hit.body, hit.fileText].filter(Boolean).join(' ') || hit.title, terms),
      score: Math.round(hit.rank * 10_000) / 10_000,
      fileType: hit.fileType,
      fileSize: hit.fileSize,
    })),
    totalDocs: total,
    limit,
    page,
    totalPages,
    hasNextPage: page < totalPages,
    hasPrevPage: page > 1,
    query: q,
  }
}
