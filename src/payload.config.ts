import { en } from '@payloadcms/translations/languages/en'
import { nl } from '@payloadcms/translations/languages/nl'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type PayloadRequest } from 'payload'
import { limitedSharp as sharp } from './images/limitedSharp'

import { Animations } from './collections/Animations'
import { AuditLog } from './collections/AuditLog'
import { Documents } from './collections/Documents'
import { DownloadStats } from './collections/DownloadStats'
import { Media } from './collections/Media'
import { Pages } from './collections/Pages'
import { Projects } from './collections/Projects'
import { Users } from './collections/Users'
import { contentVersion } from './contentVersion/plugin'
import { databaseAdapter } from './database/adapter'
import { emailAdapter } from './email/adapter'
import { contentEditor } from './fields/richText'
import { Navigation } from './globals/Navigation'
import { depthLimit } from './graphql/depthLimit'
import { Programme } from './globals/Programme'
import { Site } from './globals/Site'
import { objectStorage } from './storage/plugin'
import { dutchDates } from './fields/dutchDates'
import { databaseUnavailableErrors } from './hooks/databaseUnavailableErrors'
import { forbiddenNamesRole } from './hooks/forbiddenNamesRole'
import { databaseValueErrors } from './hooks/databaseValueErrors'
import { malformedRequestErrors } from './hooks/malformedRequestErrors'
import { withInputChecks } from './hooks/rejectMalformedInput'
import { scheduling } from './jobs/plugin'
import { fullTextSearch } from './search/plugin'
import { corsOrigins, csrfOrigins } from './utilities/corsOrigins'
import { graphqlMaxComplexity, graphqlMaxDepth } from './utilities/env'
import { adminTranslations } from './i18n/adminTranslations'
import { message } from './i18n/messages'
import { resolveSecret } from './utilities/secret'
import { uploadOptions } from './utilities/uploadOptions'
import { revalidationWebhooks } from './webhooks/plugin'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.SERVER_URL || '',
  secret: resolveSecret(),
  db: databaseAdapter(),
  editor: contentEditor,
  sharp,
  // Password-reset e-mail over SMTP (SMTP_*), see src/email/adapter.ts.
  email: emailAdapter(),
  admin: {
    user: Users.slug,
    importMap: { baseDir: path.resolve(dirname) },
    meta: {
      titleSuffix: ' – Koers en kansen CMS',
      // Our own icon (public/favicon.ico), not Payload's.
      icons: [{ rel: 'icon', type: 'image/x-icon', url: '/favicon.ico' }],
    },
    // Nothing leaves the building: no Gravatar (it would get every editor's e-mail hash).
    avatar: 'default',
  },
  collections: [Pages, Projects, Documents, Animations, Media, Users, AuditLog, DownloadStats].map(
    withInputChecks,
  ),
  globals: [Site, Navigation, Programme],
  localization: {
    locales: [
      { code: 'nl', label: { nl: 'Nederlands', en: 'Dutch' } },
      { code: 'en', label: { nl: 'Engels', en: 'English' }, fallbackLocale: 'nl' },
    ],
    defaultLocale: 'nl',
    fallback: true,
  },
  // The admin speaks Dutch; English is available per user.
  i18n: { supportedLanguages: { nl, en }, fallbackLanguage: 'nl', translations: adminTranslations },
  graphQL: {
    schemaOutputFile: path.resolve(dirname, '../generated/schema.graphql'),
    // Limits that refuse an expensive query before it runs (400 with the reason).
    maxComplexity: graphqlMaxComplexity(),
    validationRules: ({ contextValue }) => {
      const req = (contextValue as { req?: PayloadRequest } | undefined)?.req
      const maxDepth = graphqlMaxDepth()
      return [
        depthLimit(maxDepth, (depth) =>
          message('graphqlTooDeep', req, { depth: String(depth), maxDepth: String(maxDepth) }),
        ),
      ]
    },
    disablePlaygroundInProduction: true,
  },
  // Scheduled publish/unpublish: jobs run inside the server process (no extra worker),
  // REST endpoints /api/<collection>/:id/schedule for API clients.
  // Revalidation webhooks to frontends on publish/unpublish/delete (src/webhooks).
  // contentVersion comes after them so its hooks also see collections added by other plugins.
  // Object storage (S3_BUCKET) comes last: its upload runs after every other afterChange
  // hook, so a save refused by any of them leaves nothing in the bucket.
  // Full-text search (src/search) keeps its index in the same transactions, before object storage.
  // Dutch dates (dd-MM-jjjj, 24 h, Europe/Amsterdam) last, so every date field gets them.
  plugins: [
    scheduling,
    revalidationWebhooks,
    fullTextSearch,
    contentVersion,
    objectStorage(),
    dutchDates,
  ],
  hooks: {
    // The role-naming 403 first: a later hook that finds a database error behind a 403
    // turns it into the 503 it is.
    afterError: [
      forbiddenNamesRole,
      databaseUnavailableErrors,
      databaseValueErrors,
      malformedRequestErrors,
    ],
  },
  // MAX_UPLOAD_MB (default 50); too large → 413 with a Dutch/English message.
  upload: uploadOptions(),
  // Browsers on these frontends may call the API (and send a preview token);
  // the session cookie counts only from them and from the CMS itself.
  cors: { origins: corsOrigins(), headers: ['X-Preview-Token'] },
  csrf: csrfOrigins(),
  // Types come from `npm run generate` only: Payload's auto-generation would start a
  // background process on every CLI init (migrate:create…) that rewrites the file late.
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
  telemetry: false,
  // `payload generate:openapi` (scripts/generate.mjs): generated/openapi.json from this config.
  bin: [{ key: 'generate:openapi', scriptPath: path.resolve(dirname, 'openapi/generate.ts') }],
  // A reader without rights or a wrong id is normal traffic, not a server error:
  // log it without a stack trace so real errors stand out.
  loggingLevels: {
    Forbidden: 'info',
    NotFound: 'info',
    ValidationError: 'info',
    AuthenticationError: 'info',
    QueryError: 'info',
  },
})
