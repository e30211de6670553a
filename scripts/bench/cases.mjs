/**
 * The benchmark's request cases (issue 5): what a frontend asks on a page view.
 * Values are real: change line `veilig-dichtbij` (src/fields/projectOptions.ts), the
 * demo slugs of src/seed/demo.ts, the seeded page `over-koers-en-kansen` with its
 * document list block, and the seeded factsheet.
 */

const CHANGE_LINE = 'veilig-dichtbij'
export const PAGE_WITH_DOCUMENTS = 'over-koers-en-kansen'
export const FACTSHEET = 'factsheet-koers-en-kansen'

/** A demo project that exists for any N: the middle one. */
export const detailSlug = (projects) =>
  `demo-project-${String(Math.ceil(projects / 2)).padStart(4, '0')}`

const OVERVIEW_FIELDS = `id title slug summary changeLines themes sanctionPhases status startDate endDate
  region { municipality province } heroImage { url alt width height }
  documents { title slug type url } share { canonical } updatedAt`

const GRAPHQL_LIST = `query ProjectOverview($changeLines: [Project_changeLines_Input]) {
  Projects(where: { changeLines: { in: $changeLines } }, sort: "-startDate", limit: 10) {
    totalDocs page totalPages hasNextPage
    docs { ${OVERVIEW_FIELDS} }
  }
}`

const GRAPHQL_DETAIL = `query ProjectDetail($slug: String) {
  Projects(where: { slug: { equals: $slug } }, limit: 1) {
    docs {
      ${OVERVIEW_FIELDS} content lessons sanctionTypes
      partners { name domain } contact { public name organisation }
      animations { title slug } meta { title description } readingTimeMinutes publishedAt
    }
  }
}`

const graphqlVariables = {
  list: { changeLines: [CHANGE_LINE.replaceAll('-', '_')] },
  detail: (slug) => ({ slug }),
}

const postGraphql = (query, variables) => ({
  method: 'POST',
  path: '/api/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
})

const getGraphql = (query, variables) => ({
  method: 'GET',
  path: `/api/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`,
})

const restList = `/api/projects?where[changeLines][in]=${CHANGE_LINE}&sort=-startDate&limit=10&depth=1`

/** A list answer must hold documents, or the benchmark would measure an empty result. */
const hasDocs = (json) => (json?.docs ?? json?.data?.Projects?.docs ?? []).length > 0

/** Depth-first search for the first value that satisfies `test`. */
const findDeep = (value, test) => {
  if (test(value)) return value
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) {
      const found = findDeep(child, test)
      if (found) return found
    }
  }
  return undefined
}

/** The page's document list block (inside the rich text) must arrive populated: objects, not ids. */
const pageHasPopulatedDocuments = (json) => {
  const block = findDeep(json, (value) => value?.blockType === 'documentList')
  return (
    Boolean(block?.documents?.length) &&
    block.documents.every((doc) => typeof doc === 'object' && doc.title)
  )
}

/**
 * All cases for a run with `projects` demo projects. `api: true` cases run against
 * the cached and the uncached server; downloads are files, not API responses.
 */
export const allCases = (projects) => {
  const slug = detailSlug(projects)
  return [
    {
      id: 'a',
      name: 'REST project overview',
      api: true,
      method: 'GET',
      path: restList,
      check: hasDocs,
    },
    {
      id: 'b',
      name: 'REST project detail by slug',
      api: true,
      method: 'GET',
      path: `/api/projects?where[slug][equals]=${slug}&limit=1&depth=1`,
      check: hasDocs,
    },
    {
      id: 'c',
      name: 'GraphQL overview (POST)',
      api: true,
      ...postGraphql(GRAPHQL_LIST, graphqlVariables.list),
      check: hasDocs,
    },
    {
      id: 'c-get',
      name: 'GraphQL overview (GET)',
      api: true,
      optional: true,
      ...getGraphql(GRAPHQL_LIST, graphqlVariables.list),
      check: hasDocs,
    },
    {
      id: 'd',
      name: 'GraphQL project detail (POST)',
      api: true,
      ...postGraphql(GRAPHQL_DETAIL, graphqlVariables.detail(slug)),
      check: hasDocs,
    },
    {
      id: 'e',
      name: 'Page with document list',
      api: true,
      method: 'GET',
      path: `/api/pages?where[slug][equals]=${PAGE_WITH_DOCUMENTS}&limit=1&depth=1`,
      check: pageHasPopulatedDocuments,
    },
    {
      id: 'f',
      name: 'Factsheet download (full)',
      api: false,
      method: 'GET',
      path: `/downloads/${FACTSHEET}`,
    },
    {
      id: 'f-304',
      name: 'Factsheet download (304)',
      api: false,
      method: 'GET',
      path: `/downloads/${FACTSHEET}`,
      conditional: true,
      expectStatus: 304,
    },
  ]
}

export const scaleCase = (projects) => allCases(projects).find((item) => item.id === 'a')
