import type { SanitizedCollectionConfig, SanitizedGlobalConfig } from 'payload'

import { type ErrorStatus, errors, json, ok, paginated, ref } from './components'
import { selectSchema, whereFields } from './fields'
import { schemaName } from './jsonSchema'

/**
 * Payload's REST routes for one collection or global, as OpenAPI paths. The
 * schemas they refer to come from the config (see ./document.ts).
 */
const dutchLabel = (value: unknown, fallback: string): string =>
  typeof value === 'string'
    ? value
    : ((value as Record<string, string> | undefined)?.nl ?? fallback)

export const readSecurity = [{}, { jwt: [] }, { apiKey: [] }, { previewToken: [] }, { cookie: [] }]
export const writeSecurity = [{ jwt: [] }, { apiKey: [] }, { cookie: [] }]

const camel = (slug: string) => schemaName(slug).replace(/^./, (c) => c.toLowerCase())
const documentParams = [
  ref('parameters', 'Depth'),
  ref('parameters', 'Locale'),
  ref('parameters', 'Draft'),
]

export const collectionPaths = (collection: SanitizedCollectionConfig) => {
  const slug = collection.slug
  const name = schemaName(slug)
  const tag = dutchLabel(collection.labels?.plural, slug)
  const doc = ref('schemas', name)
  const where = ref('parameters', `${name}Where`)
  const select = ref('parameters', `${name}Select`)
  const sort = ref('parameters', `${name}Sort`)
  const id = camel(slug)
  const docResult = {
    type: 'object',
    required: ['doc'],
    properties: { doc, message: { type: 'string' } },
  }
  const bulkResult = {
    type: 'object',
    required: ['docs', 'errors'],
    properties: {
      docs: { type: 'array', items: doc },
      errors: { type: 'array', items: { type: 'object' } },
      message: { type: 'string' },
    },
  }
  const body = { required: true, content: json(ref('schemas', name)) }
  const uploadBody = collection.upload
    ? {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: {
                file: {
                  type: 'string',
                  format: 'binary',
                  description: 'Het bestand; de inhoud wordt gecontroleerd, niet alleen de naam.',
                },
                _payload: { type: 'string', description: 'De overige velden als JSON-tekst.' },
              },
            },
          },
          ...body.content,
        },
      }
    : body
  const paths: Record<string, object> = {
    [`/api/${slug}`]: {
      get: {
        tags: [tag],
        operationId: `list${name}`,
        summary: `${tag}: lijst`,
        description: 'Gepagineerde lijst. Het publiek ziet alleen gepubliceerde documenten.',
        security: readSecurity,
        parameters: [
          where,
          sort,
          ref('parameters', 'Limit'),
          ref('parameters', 'Page'),
          ref('parameters', 'Pagination'),
          ...documentParams,
          select,
        ],
        responses: {
          ...ok('De documenten van deze pagina.', paginated(doc)),
          ...errors('400', '401', '403', '500', '503'),
        },
      },
      post: {
        tags: [tag],
        operationId: `create${name}`,
        summary: `${tag}: nieuw document`,
        security: writeSecurity,
        parameters: [ref('parameters', 'Locale'), ref('parameters', 'Draft')],
        requestBody: uploadBody,
        responses: {
          ...ok('Aangemaakt.', docResult, '201'),
          ...errors('400', '401', '403', '413', '500', '503'),
        },
      },
      patch: {
        tags: [tag],
        operationId: `updateMany${name}`,
        summary: `${tag}: alle documenten die aan \`where\` voldoen wijzigen`,
        security: writeSecurity,
        parameters: [where, ref('parameters', 'Locale'), ref('parameters', 'Draft')],
        requestBody: body,
        responses: {
          ...ok('Gewijzigd (en de fouten per document).', bulkResult),
          ...errors('400', '401', '403', '500', '503'),
        },
      },
      delete: {
        tags: [tag],
        operationId: `deleteMany${name}`,
        summary: `${tag}: alle documenten die aan \`where\` voldoen verwijderen`,
        security: writeSecurity,
        parameters: [where],
        responses: {
          ...ok('Verwijderd (en de fouten per document).', bulkResult),
          ...errors('400', '401', '403', '500', '503'),
        },
      },
    },
    [`/api/${slug}/{id}`]: {
      parameters: [ref('parameters', 'Id')],
      get: {
        tags: [tag],
        operationId: `get${name}`,
        summary: `${tag}: één document`,
        security: readSecurity,
        parameters: [...documentParams, select],
        responses: {
          ...ok('Het document.', doc),
          ...errors('400', '401', '403', '404', '500', '503'),
        },
      },
      patch: {
        tags: [tag],
        operationId: `update${name}`,
        summary: `${tag}: document wijzigen`,
        security: writeSecurity,
        parameters: [
          ref('parameters', 'Locale'),
          ref('parameters', 'Draft'),
          ref('parameters', 'Depth'),
        ],
        requestBody: uploadBody,
        responses: {
          ...ok('Gewijzigd.', docResult),
          ...errors('400', '401', '403', '404', '413', '500', '503'),
        },
      },
      delete: {
        tags: [tag],
        operationId: `delete${name}`,
        summary: `${tag}: document verwijderen`,
        security: writeSecurity,
        responses: {
          ...ok('Verwijderd.', docResult),
          ...errors('400', '401', '403', '404', '500', '503'),
        },
      },
    },
    [`/api/${slug}/count`]: {
      get: {
        tags: [tag],
        operationId: `count${name}`,
        summary: `${tag}: aantal`,
        security: readSecurity,
        parameters: [where, ref('parameters', 'Locale'), ref('parameters', 'Draft')],
        responses: {
          ...ok('Het aantal documenten dat aan `where` voldoet.', ref('schemas', 'Count')),
          ...errors('400', '401', '403', '500', '503'),
        },
      },
    },
  }
  if (collection.auth) Object.assign(paths, authPaths(slug, tag, name, doc))
  if (collection.versions) {
    const version = versionSchema(doc)
    paths[`/api/${slug}/versions`] = {
      get: {
        tags: [tag],
        operationId: `list${name}Versions`,
        summary: `${tag}: versiegeschiedenis`,
        security: writeSecurity,
        parameters: [
          ref('parameters', 'Limit'),
          ref('parameters', 'Page'),
          ref('parameters', 'Depth'),
          ref('parameters', 'Locale'),
        ],
        responses: {
          ...ok('Versies, nieuwste eerst.', paginated(version)),
          ...errors('400', '401', '403', '500', '503'),
        },
      },
    }
    paths[`/api/${slug}/versions/{id}`] = {
      parameters: [ref('parameters', 'Id')],
      get: {
        tags: [tag],
        operationId: `get${name}Version`,
        summary: `${tag}: één versie`,
        security: writeSecurity,
        parameters: [ref('parameters', 'Depth'), ref('parameters', 'Locale')],
        responses: {
          ...ok('De versie.', version),
          ...errors('400', '401', '403', '404', '500', '503'),
        },
      },
      post: {
        tags: [tag],
        operationId: `restore${name}Version`,
        summary: `${tag}: versie terugzetten`,
        security: writeSecurity,
        responses: {
          ...ok('Teruggezet.', docResult),
          ...errors('400', '401', '403', '404', '500', '503'),
        },
      },
    }
  }
  return {
    tag: { name: tag, description: dutchLabel(collection.labels?.singular, slug) },
    paths,
    where: whereParameters(collection, name),
  }
}

const versionSchema = (doc: object) => ({
  type: 'object',
  required: ['id', 'version'],
  properties: {
    id: { oneOf: [{ type: 'integer' }, { type: 'string' }] },
    parent: { oneOf: [{ type: 'integer' }, { type: 'string' }, { type: 'object' }] },
    version: doc,
    autosave: { type: 'boolean', nullable: true },
    latest: { type: 'boolean', nullable: true },
    snapshot: { type: 'boolean', nullable: true },
    publishedLocale: { type: 'string', nullable: true },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
})

/** The `where`, `sort` and `select` parameters of a collection, derived from its fields. */
const whereParameters = (collection: SanitizedCollectionConfig, name: string) => {
  const filterable = {
    id: { type: 'object', additionalProperties: true },
    ...whereFields(collection.flattenedFields),
  }
  const paths = Object.keys(filterable)
  const escaped = paths.map((path) => path.replace(/\./g, '\\.')).join('|')
  return {
    parameters: {
      [`${name}Where`]: {
        name: 'where',
        in: 'query',
        style: 'deepObject',
        explode: true,
        description:
          'Filter: `where[<veld>][<operator>]=<waarde>`, geneste velden met een punt (`where[region.province][equals]=noord-brabant`), combineren met `where[or][0][…]` en `where[and][0][…]`. Meerdere velden naast elkaar gelden samen (en).',
        schema: ref('schemas', `${name}Where`),
      },
      [`${name}Sort`]: {
        name: 'sort',
        in: 'query',
        description: 'Sorteren op een of meer velden, komma-gescheiden; `-` ervoor = aflopend.',
        schema: { type: 'string', pattern: `^-?(${escaped})(,-?(${escaped}))*$` },
      },
      [`${name}Select`]: {
        name: 'select',
        in: 'query',
        style: 'deepObject',
        explode: true,
        description:
          'Alleen deze velden teruggeven (en `id`): `select[title]=true&select[slug]=true`. Velden die niet gevraagd zijn ontbreken, ook velden die anders altijd aanwezig zijn.',
        schema: selectSchema(collection.flattenedFields),
      },
    },
    schemas: {
      [`${name}Where`]: {
        type: 'object',
        properties: {
          ...filterable,
          and: { type: 'array', items: ref('schemas', `${name}Where`) },
          or: { type: 'array', items: ref('schemas', `${name}Where`) },
        },
      },
    },
  }
}

export const globalPaths = (global: SanitizedGlobalConfig) => {
  const slug = global.slug
  const name = schemaName(slug)
  const tag = dutchLabel(global.label, slug)
  const doc = ref('schemas', name)
  const paths: Record<string, object> = {
    [`/api/globals/${slug}`]: {
      get: {
        tags: [tag],
        operationId: `get${name}`,
        summary: `${tag} lezen`,
        security: readSecurity,
        parameters: [
          ref('parameters', 'Depth'),
          ref('parameters', 'Locale'),
          ref('parameters', 'Draft'),
        ],
        responses: {
          ...ok('De globale instellingen.', doc),
          ...errors('400', '401', '403', '500', '503'),
        },
      },
      post: {
        tags: [tag],
        operationId: `update${name}`,
        summary: `${tag} wijzigen`,
        security: writeSecurity,
        parameters: [ref('parameters', 'Locale'), ref('parameters', 'Draft')],
        requestBody: { required: true, content: json(doc) },
        responses: {
          ...ok('Gewijzigd.', {
            type: 'object',
            required: ['result'],
            properties: { result: doc, message: { type: 'string' } },
          }),
          ...errors('400', '401', '403', '500', '503'),
        },
      },
    },
  }
  if (global.versions) {
    paths[`/api/globals/${slug}/versions`] = {
      get: {
        tags: [tag],
        operationId: `list${name}Versions`,
        summary: `${tag}: versiegeschiedenis`,
        security: writeSecurity,
        parameters: [
          ref('parameters', 'Limit'),
          ref('parameters', 'Page'),
          ref('parameters', 'Locale'),
        ],
        responses: {
          ...ok('Versies, nieuwste eerst.', paginated(versionSchema(doc))),
          ...errors('400', '401', '403', '500', '503'),
        },
      },
    }
  }
  return { tag: { name: tag, description: `Globale instellingen: ${tag}` }, paths }
}

const credentials = {
  type: 'object',
  required: ['email', 'password'],
  properties: {
    email: { type: 'string', format: 'email' },
    password: { type: 'string', format: 'password' },
  },
}

/** Payload's auth routes of an auth collection (users). */
const authPaths = (slug: string, tag: string, name: string, _doc: object) => {
  // The logged-in user as Payload returns it from its auth routes: the document plus
  // auth bookkeeping (`_strategy`, `collection`), timestamps not always present.
  const doc = {
    type: 'object',
    additionalProperties: true,
    required: ['id', 'email'],
    properties: {
      id: { oneOf: [{ type: 'integer' }, { type: 'string' }] },
      email: { type: 'string', format: 'email' },
      name: { type: 'string', nullable: true },
      roles: { type: 'array', items: { type: 'string' } },
      collection: { type: 'string' },
      _strategy: { type: 'string' },
    },
  }
  const session = {
    type: 'object',
    properties: {
      message: { type: 'string' },
      user: doc,
      token: { type: 'string' },
      exp: { type: 'integer' },
    },
  }
  const post = (
    operation: string,
    summary: string,
    requestSchema: object | undefined,
    responseSchema: object,
    statuses: ErrorStatus[],
  ) => ({
    post: {
      tags: [tag],
      operationId: `${operation}${name}`,
      summary,
      security:
        operation === 'logout' || operation === 'refreshToken' || operation === 'unlock'
          ? writeSecurity
          : [{}],
      ...(requestSchema ? { requestBody: { required: true, content: json(requestSchema) } } : {}),
      responses: { ...ok('Gelukt.', responseSchema), ...errors('400', ...statuses) },
    },
  })
  return {
    [`/api/${slug}/login`]: post(
      'login',
      'Inloggen: geeft een JWT (ook als cookie)',
      credentials,
      session,
      ['401', '429', '500', '503'],
    ),
    [`/api/${slug}/logout`]: post('logout', 'Uitloggen', undefined, ref('schemas', 'Message'), [
      '401',
      '500',
    ]),
    [`/api/${slug}/refresh-token`]: post(
      'refreshToken',
      'Sessie verlengen',
      undefined,
      {
        type: 'object',
        properties: {
          message: { type: 'string' },
          refreshedToken: { type: 'string' },
          exp: { type: 'integer' },
          user: doc,
        },
      },
      ['401', '500'],
    ),
    [`/api/${slug}/first-register`]: post(
      'firstRegister',
      'Eerste beheerder aanmaken (alleen op een lege database)',
      { ...credentials, properties: { ...credentials.properties, name: { type: 'string' } } },
      session,
      ['403', '500'],
    ),
    [`/api/${slug}/forgot-password`]: post(
      'forgotPassword',
      'Wachtwoord vergeten: stuurt een e-mail',
      {
        type: 'object',
        required: ['email'],
        properties: { email: { type: 'string', format: 'email' } },
      },
      ref('schemas', 'Message'),
      ['500'],
    ),
    [`/api/${slug}/reset-password`]: post(
      'resetPassword',
      'Nieuw wachtwoord met het token uit de e-mail',
      {
        type: 'object',
        required: ['token', 'password'],
        properties: { token: { type: 'string' }, password: { type: 'string', format: 'password' } },
      },
      session,
      ['403', '500'],
    ),
    [`/api/${slug}/unlock`]: post(
      'unlock',
      'Geblokkeerd account vrijgeven (beheerders)',
      {
        type: 'object',
        required: ['email'],
        properties: { email: { type: 'string', format: 'email' } },
      },
      ref('schemas', 'Message'),
      ['401', '403', '500'],
    ),
    [`/api/${slug}/me`]: {
      get: {
        tags: [tag],
        operationId: `me${name}`,
        summary: 'De ingelogde gebruiker (of `user: null`)',
        security: [{}, ...writeSecurity],
        responses: {
          ...ok('De gebruiker.', {
            type: 'object',
            properties: {
              user: { ...doc, nullable: true },
              collection: { type: 'string' },
              token: { type: 'string' },
              exp: { type: 'integer' },
              message: { type: 'string' },
            },
          }),
          ...errors('400', '500'),
        },
      },
    },
    [`/api/${slug}/init`]: {
      get: {
        tags: [tag],
        operationId: `init${name}`,
        summary: 'Bestaat er al een gebruiker (voor de eerste registratie)',
        security: [{}],
        responses: {
          ...ok('Of de database al een gebruiker heeft.', {
            type: 'object',
            properties: { initialized: { type: 'boolean' } },
          }),
          ...errors('500'),
        },
      },
    },
  }
}
