import type { I18n } from '@payloadcms/translations'
import type { JSONSchema4 } from 'json-schema'
import { configToJSONSchema, type SanitizedConfig } from 'payload'

import { collectionPaths, globalPaths } from './collections'
import { sharedComponents } from './components'
import { decorateSchema, filterSchemas } from './fields'
import { reachable, schemaName, toOpenApiSchema } from './jsonSchema'
import { customEndpoints, projectPaths, projectResponses, projectSchemas } from './projectRoutes'
import { API_VERSION } from './version'

/**
 * The OpenAPI 3.0.3 document of this CMS, derived from the Payload config: every
 * collection's and global's REST routes with the schemas Payload itself uses for
 * payload-types.ts, plus the project's own routes. Written to generated/openapi.json
 * by `npm run generate` (src/openapi/generate.ts), served at /api/openapi.json.
 */
/** Payload's built-in endpoints: documented from the collection's own config (./collections.ts), or internal to the admin. */
const PAYLOAD_OWN = new Set<string>(
  [
    [
      'get',
      '/',
      '/:id',
      '/count',
      '/versions',
      '/versions/:id',
      '/file/:filename',
      '/paste-url/:id?',
      '/me',
      '/init',
    ],
    [
      'post',
      '/',
      '/:id/duplicate',
      '/access/:id?',
      '/versions/:id',
      '/first-register',
      '/forgot-password',
      '/login',
      '/logout',
      '/refresh-token',
      '/reset-password',
      '/unlock',
      '/verify/:id',
    ],
    ['patch', '/', '/:id'],
    ['delete', '/', '/:id'],
  ].flatMap(([method, ...paths]) => paths.map((path) => `${method} ${path}`)),
)

/** Payload's own bookkeeping (jobs, preferences, locks, migrations) and hidden collections are not part of the contract. */
const isPublicContract = (collection: SanitizedConfig['collections'][number]): boolean =>
  !collection.slug.startsWith('payload-') && collection.admin?.hidden !== true

export const buildOpenApiDocument = (config: SanitizedConfig, i18n: I18n) => {
  const jsonSchema = configToJSONSchema(config, config.db.defaultIDType, i18n)
  const definitions = (jsonSchema.definitions ?? {}) as Record<string, JSONSchema4>
  for (const collection of config.collections.filter(isPublicContract)) {
    const schema = definitions[collection.slug]
    if (schema) decorateSchema(schema, collection.flattenedFields)
  }
  for (const global of config.globals) {
    const schema = definitions[global.slug]
    if (!schema) continue
    decorateSchema(schema, global.flattenedFields)
    // Payload adds the global's slug to every answer.
    schema.properties = {
      ...schema.properties,
      globalType: { type: 'string', enum: [global.slug] },
    }
  }
  const components = sharedComponents()
  const schemas: Record<string, unknown> = {
    ...components.schemas,
    ...projectSchemas,
    ...filterSchemas(),
  }
  const parameters: Record<string, unknown> = { ...components.parameters }
  // Only documents: the `*_select`, auth-operation and config helper definitions are TypeScript's.
  const rawDefinitions: Record<string, true> = {}
  const documentSlugs = new Set<string>([
    ...config.collections.filter(isPublicContract).map((c) => c.slug),
    ...config.globals.map((g) => g.slug),
  ])
  // A related document filled in by `depth` carries only its collection's `defaultPopulate`
  // fields (unless `populate`/`select` ask otherwise): refs to it get a variant without `required`.
  const populatedPartly = new Set<string>(
    config.collections
      .filter((collection) => collection.defaultPopulate)
      .map((collection) => collection.slug),
  )
  const refName = (definition: string) =>
    populatedPartly.has(definition) ? `${schemaName(definition)}Populated` : schemaName(definition)
  for (const slug of populatedPartly) {
    const definition = definitions[slug]
    if (!definition) continue
    const { required: _required, ...partial } = toOpenApiSchema(definition, refName)
    schemas[`${schemaName(slug)}Populated`] = {
      ...partial,
      title: `${schemaName(slug)} (populated)`,
      description:
        'Een gerelateerd document zoals `depth` het invult: alleen de velden van `defaultPopulate`, tenzij `populate` of `select` om andere vraagt.',
    }
  }
  for (const [name, definition] of Object.entries(definitions)) {
    if (
      name.endsWith('_select') ||
      name === 'auth' ||
      name === 'config' ||
      name.startsWith('supportedTimezones')
    )
      continue
    if (
      !documentSlugs.has(name) &&
      (config.collections.some((c) => c.slug === name) ||
        (!definition.properties && !definition.oneOf && !definition.type))
    )
      continue
    schemas[schemaName(name)] = toOpenApiSchema(definition, refName)
    rawDefinitions[schemaName(name)] = true
  }

  const paths: Record<string, Record<string, unknown>> = {}
  const tags: { name: string; description: string }[] = []
  const collections = config.collections.filter(isPublicContract)
  for (const collection of collections) {
    const { tag, paths: own, where } = collectionPaths(collection)
    tags.push(tag)
    Object.assign(paths, own)
    Object.assign(parameters, where.parameters)
    Object.assign(schemas, where.schemas)
    for (const endpoint of Array.isArray(collection.endpoints) ? collection.endpoints : []) {
      const key = `${endpoint.method} ${endpoint.path}`
      const describe = customEndpoints[key]
      if (!describe && !PAYLOAD_OWN.has(key))
        throw new Error(
          `openapi: ${collection.slug} has an undescribed endpoint "${key}" (add it to src/openapi/projectRoutes.ts)`,
        )
      if (!describe) continue
      const path = `/api/${collection.slug}${endpoint.path.replace(/:(\w+)/g, '{$1}')}`
      paths[path] ??= { parameters: [{ $ref: '#/components/parameters/Id' }] }
      paths[path]![endpoint.method] = describe(tag.name, schemaName(collection.slug))
    }
  }
  for (const global of config.globals) {
    const { tag, paths: own } = globalPaths(global)
    tags.push(tag)
    Object.assign(paths, own)
  }
  const uploads = collections
    .filter((collection) => collection.upload)
    .map((collection) => collection.slug)
  Object.assign(paths, projectPaths(uploads))
  tags.push(
    { name: 'Zoeken', description: 'Nederlandse zoekfunctie over gepubliceerde inhoud.' },
    {
      name: 'Sitemap en feeds',
      description: 'Voor het domein van de website: sitemap en Atom-feeds.',
    },
    { name: 'GraphQL', description: 'Dezelfde inhoud via GraphQL (`generated/schema.graphql`).' },
    { name: 'Bestanden', description: 'Downloads, geüploade bestanden en ondertiteling.' },
    { name: 'Authenticatie', description: 'Inloggen en rechten.' },
    { name: 'Gezondheid', description: 'Liveness en readiness voor de orkestratie.' },
    { name: 'API-contract', description: 'Dit document en de leesbare documentatie.' },
  )

  // Definitions nothing refers to (job task inputs, admin widgets) are not part of the contract.
  const documents = [...documentSlugs].map(schemaName)
  const used = reachable(schemas, [
    ...documents,
    ...Object.keys(schemas).filter((name) => !(name in rawDefinitions)),
  ])
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name]

  return {
    openapi: '3.0.3',
    info: {
      title: 'Koers en kansen CMS-API',
      version: API_VERSION,
      description: [
        'De inhoud van de website van *Koers en kansen voor de sanctie-uitvoering*: pagina’s, projecten, documenten (whitepapers, factsheets, infographics), animaties en media, via REST en GraphQL (Payload CMS 3).',
        '',
        'Het publiek leest zonder inloggen alleen gepubliceerde inhoud. Gelokaliseerde velden volgen `?locale=` (`nl` standaard, `en` valt terug op Nederlands).',
        'Fouten hebben Payloads vorm `{"errors":[…]}`; met `Accept: application/problem+json` komen ze als RFC 9457 problem details. Elk antwoord draagt de header `API-Version`.',
        'Dit document wordt gegenereerd uit de Payload-configuratie (`npm run generate`); zie de README, sectie "API contract", voor de NL API Design Rules en waar we er bewust van afwijken.',
      ].join('\n'),
      contact: {
        name: 'Programma Koers en kansen',
        url: 'https://www.koersenkansen.nl',
        email: 'info@koersenkansen.nl',
      },
      license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/nl/' },
    },
    servers: [{ url: '/', description: 'Deze server (REST onder /api)' }],
    tags,
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      ...components,
      responses: { ...components.responses, ...projectResponses },
      parameters,
      schemas,
    },
  }
}
