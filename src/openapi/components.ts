import { API_VERSION } from './version'

/**
 * The parts every operation shares: the API-Version header, Payload's error shape
 * and its RFC 9457 form, pagination, and the query parameters of Payload's REST API.
 */
export const apiVersionHeader = { $ref: '#/components/headers/ApiVersion' }

/** Headers of every answer: `API-Version` (NL API Design Rules /core/version-header). */
export const headers = { 'API-Version': apiVersionHeader }

export const json = (schema: object, example?: unknown) => ({
  'application/json': { schema, ...(example === undefined ? {} : { example }) },
})

export const ok = (description: string, schema: object, status = '200') => ({
  [status]: { description, headers, content: json(schema) },
})

export const ref = (kind: 'schemas' | 'responses' | 'parameters', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
})

const errorResponse = (description: string) => ({
  description,
  headers,
  content: {
    'application/json': { schema: ref('schemas', 'PayloadErrors') },
    'application/problem+json': { schema: ref('schemas', 'Problem') },
  },
})

export type ErrorStatus = '400' | '401' | '403' | '404' | '405' | '413' | '429' | '500' | '503'

const ERROR_RESPONSES: Record<ErrorStatus, [string, string]> = {
  '400': [
    'BadRequest',
    'Ongeldige invoer (validatie, onbekend veld of operator). Veldfouten staan in `errors[].data.errors` of, als problem+json, in `errors`.',
  ],
  '401': ['Unauthorized', 'Niet ingelogd, of een ongeldig/verlopen token of preview-token.'],
  '403': ['Forbidden', 'Ingelogd, maar zonder recht op deze handeling.'],
  '404': ['NotFound', 'Niet gevonden, of niet gepubliceerd (voor het publiek).'],
  '405': [
    'MethodNotAllowed',
    'Deze methode kan hier niet (bijvoorbeeld een GraphQL-mutatie over GET).',
  ],
  '413': ['PayloadTooLarge', 'Het bestand of de body is groter dan toegestaan.'],
  '429': ['TooManyRequests', 'Te veel verzoeken of inlogpogingen; probeer het later opnieuw.'],
  '500': ['ServerError', 'Onverwachte fout in de server.'],
  '503': [
    'ServiceUnavailable',
    'De server is (tijdelijk) niet beschikbaar, bijvoorbeeld de database.',
  ],
}

/** The error responses of an operation, as refs to the shared ones. */
export const errors = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, ref('responses', ERROR_RESPONSES[status][0])]),
  )

export const sharedComponents = () => ({
  headers: {
    ApiVersion: {
      description:
        'Volledige versie (semver) van deze API; gelijk aan `info.version` van dit document.',
      schema: { type: 'string', example: API_VERSION },
    },
  },
  responses: Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(([name, description]) => [name, errorResponse(description)]),
  ),
  schemas: {
    PayloadErrors: {
      type: 'object',
      description:
        "Payload's foutvorm: één of meer meldingen, bij validatie met de velden die fout zijn.",
      required: ['errors'],
      properties: {
        errors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['message'],
            properties: {
              name: { type: 'string', example: 'ValidationError' },
              message: { type: 'string' },
              field: { type: 'string' },
              path: { type: 'string' },
              data: {
                type: 'object',
                properties: { errors: { type: 'array', items: ref('schemas', 'FieldError') } },
              },
            },
          },
        },
      },
    },
    FieldError: {
      type: 'object',
      required: ['path', 'message'],
      properties: {
        path: {
          type: 'string',
          description: 'Het veld, met punten voor geneste velden (`region.province`).',
        },
        message: { type: 'string' },
        label: { type: 'string' },
      },
    },
    Problem: {
      type: 'object',
      description:
        'Foutmelding volgens RFC 9457 (`Accept: application/problem+json`), met Nederlandse `title` en `detail`; veldfouten in `errors`.',
      required: ['type', 'title', 'status', 'detail'],
      properties: {
        type: {
          type: 'string',
          description:
            'URI die het soort fout aanduidt (`about:blank` als de HTTP-status alles zegt).',
        },
        title: { type: 'string', example: 'Ongeldige invoer' },
        status: { type: 'integer', minimum: 100, maximum: 599, example: 400 },
        detail: { type: 'string' },
        instance: { type: 'string', description: 'Het pad van het verzoek.' },
        errors: { type: 'array', items: ref('schemas', 'FieldError') },
      },
    },
    Message: {
      type: 'object',
      required: ['message'],
      properties: { message: { type: 'string' } },
    },
    Count: {
      type: 'object',
      required: ['totalDocs'],
      properties: { totalDocs: { type: 'integer', minimum: 0 } },
    },
  },
  parameters: {
    Limit: {
      name: 'limit',
      in: 'query',
      description:
        'Aantal documenten per pagina (standaard 10; `0` = alles, alleen met `pagination=false` zinvol).',
      schema: { type: 'integer', minimum: 0, default: 10 },
    },
    Page: {
      name: 'page',
      in: 'query',
      description: 'Paginanummer, vanaf 1.',
      schema: { type: 'integer', minimum: 1, default: 1 },
    },
    Pagination: {
      name: 'pagination',
      in: 'query',
      description: '`false`: alle treffers in één antwoord, zonder paginering.',
      schema: { type: 'boolean', default: true },
    },
    Depth: {
      name: 'depth',
      in: 'query',
      description: 'Hoe diep relaties worden ingevuld: `0` = alleen id’s, standaard 2.',
      schema: { type: 'integer', minimum: 0, maximum: 10, default: 2 },
    },
    Locale: {
      name: 'locale',
      in: 'query',
      description:
        'Taal van gelokaliseerde velden: `nl` (standaard) of `en` (valt terug op Nederlands). `all`: elk gelokaliseerd veld als object per taal.',
      schema: { type: 'string', enum: ['nl', 'en', 'all'], default: 'nl' },
    },
    Draft: {
      name: 'draft',
      in: 'query',
      description:
        'Lees de laatste conceptversie. Alleen redacteuren, preview-accounts en houders van een preview-token zien concepten; voor het publiek blijft het gepubliceerde inhoud.',
      schema: { type: 'boolean', default: false },
    },
    Id: {
      name: 'id',
      in: 'path',
      required: true,
      description: 'Id van het document (een getal op SQLite en Postgres).',
      schema: { type: 'string' },
    },
  },
  securitySchemes: {
    jwt: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        'Sessietoken uit `POST /api/users/login`, als `Authorization: JWT <token>` (of `Bearer <token>`). De beheeromgeving gebruikt hetzelfde token als cookie `payload-token`.',
    },
    apiKey: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description:
        'API-sleutel van een gebruiker (per gebruiker aan te zetten): `Authorization: users API-Key <sleutel>`. Draagt de rollen van die gebruiker.',
    },
    previewToken: {
      type: 'apiKey',
      in: 'header',
      name: 'X-Preview-Token',
      description:
        'Kortlevend token uit de preview-URL (`GET /api/{collection}/{id}/preview-url`): geeft precies dat ene document als concept. Mag ook als query-parameter `previewToken`.',
    },
    cookie: {
      type: 'apiKey',
      in: 'cookie',
      name: 'payload-token',
      description: 'De sessiecookie van de beheeromgeving.',
    },
  },
})

/** Payload's paginated list around the documents of one collection. */
export const paginated = (item: object) => ({
  type: 'object',
  required: [
    'docs',
    'totalDocs',
    'limit',
    'page',
    'totalPages',
    'pagingCounter',
    'hasPrevPage',
    'hasNextPage',
  ],
  properties: {
    docs: { type: 'array', items: item },
    totalDocs: { type: 'integer', minimum: 0 },
    limit: { type: 'integer', minimum: 0 },
    totalPages: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 },
    pagingCounter: { type: 'integer', minimum: 0 },
    hasPrevPage: { type: 'boolean' },
    hasNextPage: { type: 'boolean' },
    prevPage: { type: 'integer', nullable: true },
    nextPage: { type: 'integer', nullable: true },
  },
})
