import { errors, headers, json, ok, ref } from './components'
import { readSecurity, writeSecurity } from './collections'

/**
 * The project's own routes (src/http/) and Payload's few routes that belong to no
 * collection. These are written here, next to the code list in src/http/index.ts:
 * a route added there without an entry here fails the contract test.
 */
const fileHeaders = {
  ...headers,
  'Content-Length': { schema: { type: 'integer' } },
  ETag: { schema: { type: 'string' } },
  'Last-Modified': { schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string' } },
}

const binary = (types: string[]) =>
  Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]))

const fileResponses = (types: string[]) => ({
  '200': { description: 'Het bestand.', headers: fileHeaders, content: binary(types) },
  '206': {
    description: 'Een deel van het bestand (`Range`).',
    headers: fileHeaders,
    content: binary(types),
  },
  '304': { description: 'Niet gewijzigd sinds `If-None-Match`/`If-Modified-Since`.', headers },
  ...errors('400', '404', '500', '503'),
  '416': ref('responses', 'RangeNotSatisfiable'),
})

const health = (description: string) => ({
  type: 'object',
  description,
  properties: { status: { type: 'string' }, reasons: { type: 'array', items: { type: 'string' } } },
  additionalProperties: true,
})

const graphqlResult = {
  type: 'object',
  properties: {
    data: { type: 'object', nullable: true, additionalProperties: true },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { message: { type: 'string' } },
        additionalProperties: true,
      },
    },
  },
}

const graphqlQuery = {
  type: 'object',
  properties: {
    query: { type: 'string' },
    variables: { type: 'object', additionalProperties: true },
    operationName: { type: 'string' },
    extensions: {
      type: 'object',
      additionalProperties: true,
      description: 'Persisted queries: `{"persistedQuery":{"version":1,"sha256Hash":"…"}}`.',
    },
  },
}

const xmlResponse = (description: string, type: string) => ({
  '200': { description, headers, content: { [type]: { schema: { type: 'string' } } } },
  '304': { description: 'Niet gewijzigd sinds `If-None-Match`.', headers },
  ...errors('500', '503'),
})

const feed = (name: string, what: string) => ({
  get: {
    tags: ['Sitemap en feeds'],
    operationId: `feed${name[0]!.toUpperCase()}${name.slice(1)}`,
    summary: `Atom-feed van de 50 nieuwste gepubliceerde ${what}`,
    description: 'Links wijzen naar de website (`PUBLIC_SITE_URL`).',
    security: [{}],
    responses: xmlResponse('De feed (Atom 1.0).', 'application/atom+xml'),
  },
})

export const projectPaths = (uploadCollections: string[]) => ({
  '/api/search': {
    get: {
      tags: ['Zoeken'],
      operationId: 'search',
      summary: 'Zoeken in gepubliceerde pagina’s, projecten en documenten',
      description:
        'Nederlandse woordstammen en zonder accenten (`reïntegratie` = `reintegratie`); elk woord moet voorkomen, ook als begin van een langer woord (`schuldhulp` vindt `schuldhulpverlening`). Zoekt ook in de tekst van pdf’s en in de tekstalternatieven van infographics. Beste treffer eerst; concepten en gedepubliceerde inhoud nooit. Ook als GraphQL-query `search`.',
      security: [{}],
      parameters: [
        {
          name: 'q',
          in: 'query',
          required: true,
          description: 'De zoekterm (maximaal 200 tekens).',
          schema: { type: 'string', maxLength: 200 },
          example: 'schuldhulp',
        },
        {
          name: 'type',
          in: 'query',
          description: 'Komma-gescheiden: `pages`, `projects`, `documents` (standaard alle).',
          schema: { type: 'string' },
          example: 'projects,documents',
        },
        {
          name: 'locale',
          in: 'query',
          schema: { type: 'string', enum: ['nl', 'en'], default: 'nl' },
        },
        {
          name: 'page',
          in: 'query',
          schema: { type: 'integer', minimum: 1, maximum: 1000, default: 1 },
        },
        {
          name: 'limit',
          in: 'query',
          schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
        },
      ],
      responses: {
        ...ok('De treffers van deze pagina.', ref('schemas', 'SearchResults')),
        ...errors('400', '500', '503'),
      },
    },
  },
  '/sitemap.xml': {
    get: {
      tags: ['Sitemap en feeds'],
      operationId: 'sitemap',
      summary: 'Sitemap van de website: gepubliceerde pagina’s, projecten en documenten',
      description:
        'URL’s op `PUBLIC_SITE_URL`, met `lastmod` en de Nederlandse en Engelse versie als `hreflang`-alternatieven.',
      security: [{}],
      responses: xmlResponse('De sitemap (sitemaps.org 0.9).', 'application/xml'),
    },
  },
  '/feeds/projecten.xml': feed('projecten', 'projecten'),
  '/feeds/documenten.xml': feed('documenten', 'documenten'),
  '/api/graphql': {
    get: {
      tags: ['GraphQL'],
      operationId: 'graphqlGet',
      summary: 'GraphQL-query over GET (cachebaar; geen mutaties)',
      description: 'Het schema staat in `generated/schema.graphql`.',
      security: readSecurity,
      parameters: [
        {
          name: 'query',
          in: 'query',
          schema: { type: 'string' },
          example: '{Pages{docs{title slug}}}',
        },
        {
          name: 'variables',
          in: 'query',
          schema: { type: 'string' },
          description: 'JSON-object als tekst.',
        },
        { name: 'operationName', in: 'query', schema: { type: 'string' } },
        {
          name: 'extensions',
          in: 'query',
          schema: { type: 'string' },
          description: 'JSON als tekst (persisted queries).',
        },
      ],
      responses: {
        ...ok('Het resultaat.', graphqlResult),
        ...errors('400', '401', '403', '405', '500', '503'),
      },
    },
    post: {
      tags: ['GraphQL'],
      operationId: 'graphqlPost',
      summary: 'GraphQL-query of -mutatie',
      security: readSecurity,
      requestBody: { required: true, content: json(graphqlQuery) },
      responses: {
        ...ok('Het resultaat.', graphqlResult),
        ...errors('400', '401', '403', '413', '500', '503'),
      },
    },
  },
  '/api/access': {
    get: {
      tags: ['Authenticatie'],
      operationId: 'getAccess',
      summary: 'Wat de huidige gebruiker mag, per collectie en globale instelling',
      security: readSecurity,
      responses: {
        ...ok('De rechten.', { type: 'object', additionalProperties: true }),
        ...errors('401', '500', '503'),
      },
    },
  },
  '/api/openapi.json': {
    get: {
      tags: ['API-contract'],
      operationId: 'getOpenApi',
      summary: 'Dit document (OpenAPI 3.0.3)',
      security: [{}],
      responses: {
        ...ok('Het OpenAPI-document.', { type: 'object', additionalProperties: true }),
        ...errors('500'),
      },
    },
  },
  '/api/docs': {
    get: {
      tags: ['API-contract'],
      operationId: 'getApiDocs',
      summary: 'Leesbare documentatie van dit document (Swagger UI, vanaf deze server)',
      security: [{}],
      responses: {
        '200': {
          description: 'HTML-pagina.',
          headers,
          content: { 'text/html': { schema: { type: 'string' } } },
        },
        ...errors('500'),
      },
    },
  },
  '/downloads/{slug}': {
    get: {
      tags: ['Bestanden'],
      operationId: 'download',
      summary: 'Het bestand van een document, genoemd naar de titel',
      description:
        'Ondersteunt `HEAD`, `Range` (206/416), `If-None-Match`/`If-Modified-Since` (304). Telt volledige downloads, zonder iets over de bezoeker op te slaan. Ongepubliceerd = 404.',
      security: readSecurity,
      parameters: [
        { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
        {
          name: 'inline',
          in: 'query',
          schema: { type: 'string', enum: ['1'] },
          description: '`1`: tonen in de browser in plaats van downloaden.',
        },
      ],
      responses: fileResponses(['application/pdf', 'image/png', 'image/jpeg', 'image/webp']),
    },
  },
  '/api/{collection}/file/{filename}': {
    get: {
      tags: ['Bestanden'],
      operationId: 'getUploadedFile',
      summary: 'Een geüpload bestand (of een afbeeldingsformaat) onder Payloads bestands-URL',
      security: readSecurity,
      parameters: [
        {
          name: 'collection',
          in: 'path',
          required: true,
          schema: { type: 'string', enum: uploadCollections },
        },
        { name: 'filename', in: 'path', required: true, schema: { type: 'string' } },
      ],
      responses: fileResponses(['application/octet-stream']),
    },
  },
  '/captions/{slug}/{file}': {
    get: {
      tags: ['Bestanden'],
      operationId: 'getCaptions',
      summary: 'Ondertiteling van een animatie (WebVTT), voor `<track src>`',
      security: readSecurity,
      parameters: [
        { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
        {
          name: 'file',
          in: 'path',
          required: true,
          schema: { type: 'string', enum: ['nl.vtt', 'en.vtt'] },
        },
      ],
      responses: {
        '200': {
          description: 'De ondertiteling.',
          headers,
          content: { 'text/vtt': { schema: { type: 'string' } } },
        },
        ...errors('400', '404', '500', '503'),
      },
    },
  },
  '/healthz': {
    get: {
      tags: ['Gezondheid'],
      operationId: 'liveness',
      summary: 'Leeft het proces (liveness)',
      security: [{}],
      responses: {
        ...ok('Het proces werkt.', health('Liveness.')),
        '503': ref('responses', 'ServiceUnavailable'),
      },
    },
  },
  '/readyz': {
    get: {
      tags: ['Gezondheid'],
      operationId: 'readiness',
      summary:
        'Kan deze node verzoeken aan (readiness: database bereikbaar, niet aan het afsluiten)',
      security: [{}],
      responses: {
        ...ok('Klaar.', health('Readiness.')),
        '503': ref('responses', 'ServiceUnavailable'),
      },
    },
  },
})

/** Custom collection endpoints (collection.endpoints), described here; the generator refuses an undescribed one. */
export const customEndpoints: Record<string, (tag: string, name: string) => object> = {
  'get /:id/preview-url': (tag, name) => ({
    tags: [tag],
    operationId: `get${name}PreviewUrl`,
    summary: `${tag}: preview-URL voor de frontend (redacteuren)`,
    security: writeSecurity,
    parameters: [ref('parameters', 'Locale')],
    responses: {
      ...ok('De URL met een kortlevend preview-token.', {
        type: 'object',
        required: ['url', 'token', 'expiresAt'],
        properties: {
          url: { type: 'string' },
          token: { type: 'string' },
          expiresAt: { type: 'string', format: 'date-time' },
        },
      }),
      ...errors('400', '401', '403', '404', '500'),
    },
  }),
  'post /:id/schedule': (tag, name) => ({
    tags: [tag],
    operationId: `schedule${name}`,
    summary: `${tag}: publiceren of depubliceren inplannen`,
    security: writeSecurity,
    requestBody: {
      required: true,
      content: json({
        type: 'object',
        required: ['type', 'at'],
        properties: {
          type: { type: 'string', enum: ['publish', 'unpublish'] },
          at: { type: 'string', format: 'date-time' },
          locale: { type: 'string', enum: ['nl', 'en'] },
        },
      }),
    },
    responses: {
      ...ok('Ingepland.', ref('schemas', 'ScheduleResult'), '201'),
      ...errors('400', '401', '403', '404', '500'),
    },
  }),
  'get /:id/schedule': (tag, name) => ({
    tags: [tag],
    operationId: `list${name}Schedule`,
    summary: `${tag}: geplande (de)publicaties`,
    security: writeSecurity,
    responses: {
      ...ok('De geplande acties.', {
        type: 'object',
        required: ['docs'],
        properties: { docs: { type: 'array', items: ref('schemas', 'ScheduledJob') } },
      }),
      ...errors('400', '401', '403', '404', '500'),
    },
  }),
  'delete /:id/schedule/:jobId': (tag, name) => ({
    tags: [tag],
    operationId: `cancel${name}Schedule`,
    summary: `${tag}: geplande actie annuleren`,
    security: writeSecurity,
    parameters: [{ name: 'jobId', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      ...ok('Geannuleerd.', ref('schemas', 'ScheduleResult')),
      ...errors('400', '401', '403', '404', '500'),
    },
  }),
}

export const projectSchemas = {
  SearchResult: {
    type: 'object',
    required: ['type', 'id', 'title', 'slug', 'url', 'snippet', 'score', 'fileType', 'fileSize'],
    properties: {
      type: { type: 'string', enum: ['pages', 'projects', 'documents'] },
      id: { type: 'string' },
      title: { type: 'string' },
      slug: { type: 'string', nullable: true },
      url: {
        type: 'string',
        nullable: true,
        description: 'Canonieke URL op de website; voor documenten de download-URL.',
      },
      snippet: {
        type: 'string',
        description: 'Passage met de treffers in `<mark>…</mark>`; de rest is HTML-veilig gemaakt.',
      },
      score: { type: 'number', description: 'Relevantie volgens de database (hoger is beter).' },
      fileType: {
        type: 'string',
        nullable: true,
        description: 'Documenten: bestandstype (`PDF`, `PNG`).',
      },
      fileSize: { type: 'integer', nullable: true, description: 'Documenten: grootte in bytes.' },
    },
  },
  SearchResults: {
    type: 'object',
    required: [
      'docs',
      'totalDocs',
      'limit',
      'page',
      'totalPages',
      'hasNextPage',
      'hasPrevPage',
      'query',
    ],
    properties: {
      docs: { type: 'array', items: ref('schemas', 'SearchResult') },
      totalDocs: { type: 'integer', minimum: 0 },
      limit: { type: 'integer' },
      page: { type: 'integer' },
      totalPages: { type: 'integer' },
      hasNextPage: { type: 'boolean' },
      hasPrevPage: { type: 'boolean' },
      query: { type: 'string' },
    },
  },
  ScheduledJob: {
    type: 'object',
    required: ['id', 'type', 'at'],
    properties: {
      id: { oneOf: [{ type: 'integer' }, { type: 'string' }] },
      type: { type: 'string', enum: ['publish', 'unpublish'] },
      at: { type: 'string', format: 'date-time' },
      locale: { type: 'string', nullable: true },
    },
  },
  ScheduleResult: {
    type: 'object',
    properties: { message: { type: 'string' }, job: ref('schemas', 'ScheduledJob') },
  },
}

export const projectResponses = {
  RangeNotSatisfiable: {
    description: 'Het gevraagde bereik valt buiten het bestand.',
    headers,
    content: {
      'application/json': { schema: ref('schemas', 'PayloadErrors') },
      'application/problem+json': { schema: ref('schemas', 'Problem') },
    },
  },
}
