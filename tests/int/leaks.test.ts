/**
 * Leak suite: every probe first proves the secret exists for an insider (an
 * editor, an admin or the rightful preview token), then that an anonymous reader
 * — or the wrong token — gets none of it, over REST, GraphQL, versions, depth
 * population and file URLs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { block, paragraph, richText } from '../../src/seed/lexical'
import { signPreviewToken } from '../../src/utilities/previewToken'
import type { ApiResponse } from '../helpers/api'
import {
  type Accounts,
  type Auth,
  createAccounts,
  createDoc,
  get,
  gql,
  marker,
  pdf,
  send,
  uploadDoc,
  webm,
} from '../helpers/accessFixtures'
import { startServer, type TestServer } from '../helpers/server'

const PREVIEW_SECRET = 'leak-suite-preview-secret'
process.env.PREVIEW_SECRET = PREVIEW_SECRET

let server: TestServer
let accounts: Accounts

const S = {
  pageTitle: marker('CONCEPT-PAGINA'),
  pageBTitle: marker('CONCEPT-PAGINA-B'),
  projectTitle: marker('CONCEPT-PROJECT'),
  contactName: marker('Geheime Naam'),
  contactEmail: `${marker('geheim')}@example.test`,
  docTitle: marker('CONCEPT-DOCUMENT'),
  docPdfLine: marker('CONCEPT-PDF-INHOUD'),
  animTitle: marker('CONCEPT-ANIMATIE'),
  publishedTitle: marker('OPENBARE-TITEL'),
  newerDraftTitle: marker('NIEUWER-CONCEPT'),
  unpublishedTitle: marker('TERUGGETROKKEN'),
  privateName: marker('Prive Contact'),
  privateEmail: `${marker('prive')}@example.test`,
}

const ids: Record<string, any> = {}
let draftDocFile = ''
let draftAnimFile = ''
let draftPageVersionId: number | string = ''

type Probe = {
  name: string
  /** Text that must not reach the outsider, or a predicate on the response. */
  secret: string | ((res: ApiResponse) => boolean)
  run: (auth?: Auth) => Promise<ApiResponse>
  /** Who must see the secret through the same probe: default the editor. */
  insider?: () => Auth
  /** A different request for the insider (e.g. with draft=true). */
  insiderRun?: (auth?: Auth) => Promise<ApiResponse>
  /** Who must not see it: default anonymous. */
  outsider?: () => Auth | undefined
  /** Statuses the outsider may get; default any below 500. */
  outsiderStatus?: number[]
}

const leaked = (probe: Probe, res: ApiResponse): boolean =>
  typeof probe.secret === 'string' ? res.text.includes(probe.secret) : probe.secret(res)

const U = (): string => server.url
const lit = (id: unknown) => (typeof id === 'number' ? String(id) : JSON.stringify(id))
const editor = (): Auth => ({ token: accounts.editorToken })
const admin = (): Auth => ({ token: accounts.adminToken })
const withToken = (token: string): Auth => ({ headers: { 'X-Preview-Token': token } })

const CONTENT = [
  { slug: 'pages', single: 'Page', plural: 'Pages', id: () => ids.draftPage, secret: () => S.pageTitle, slugValue: () => ids.draftPageSlug },
  { slug: 'projects', single: 'Project', plural: 'Projects', id: () => ids.draftProject, secret: () => S.projectTitle, slugValue: () => ids.draftProjectSlug },
  { slug: 'documents', single: 'Document', plural: 'Documents', id: () => ids.draftDoc, secret: () => S.docTitle, slugValue: () => ids.draftDocSlug },
  { slug: 'animations', single: 'Animation', plural: 'Animations', id: () => ids.draftAnim, secret: () => S.animTitle, slugValue: () => ids.draftAnimSlug },
] as const

const probes = (): Probe[] => {
  const list: Probe[] = []
  for (const c of CONTENT) {
    const secret = c.secret()
    list.push(
      { name: `REST list ${c.slug}`, secret, run: (a) => get(U(), `/api/${c.slug}?limit=100`, a) },
      { name: `REST list ${c.slug} draft=true`, secret, run: (a) => get(U(), `/api/${c.slug}?limit=100&draft=true`, a) },
      { name: `REST detail ${c.slug}`, secret, run: (a) => get(U(), `/api/${c.slug}/${c.id()}`, a) },
      { name: `REST detail ${c.slug} draft=true`, secret, run: (a) => get(U(), `/api/${c.slug}/${c.id()}?draft=true`, a) },
      {
        name: `REST find-by-slug ${c.slug} draft=true`,
        secret,
        run: (a) => get(U(), `/api/${c.slug}?where[slug][equals]=${c.slugValue()}&draft=true`, a),
      },
      { name: `GraphQL list ${c.plural}`, secret, run: (a) => gql(U(), `{ ${c.plural}(limit: 100) { docs { title } } }`, a) },
      {
        name: `GraphQL list ${c.plural} draft: true`,
        secret,
        run: (a) => gql(U(), `{ ${c.plural}(limit: 100, draft: true) { docs { title } } }`, a),
      },
      { name: `GraphQL detail ${c.single}`, secret, run: (a) => gql(U(), `{ ${c.single}(id: ${lit(c.id())}) { title } }`, a) },
      {
        name: `GraphQL detail ${c.single} draft: true`,
        secret,
        run: (a) => gql(U(), `{ ${c.single}(id: ${lit(c.id())}, draft: true) { title } }`, a),
      },
      { name: `REST versions ${c.slug}`, secret, run: (a) => get(U(), `/api/${c.slug}/versions?limit=100`, a) },
      {
        name: `GraphQL versions${c.plural}`,
        secret,
        run: (a) => gql(U(), `{ versions${c.plural}(limit: 100) { docs { version { title } } } }`, a),
      },
    )
  }
  list.push(
    { name: 'REST version detail of a draft page', secret: S.pageTitle, run: (a) => get(U(), `/api/pages/versions/${draftPageVersionId}`, a) },
    {
      name: 'GraphQL versionPage of a draft page',
      secret: S.pageTitle,
      run: (a) => gql(U(), `{ versionPage(id: ${lit(draftPageVersionId)}) { version { title } } }`, a),
    },
    // Published items pointing at drafts: population must stop at the draft.
    { name: 'REST published page → documentList block → draft document (depth 3)', secret: S.docTitle, run: (a) => get(U(), `/api/pages/${ids.pubPage}?depth=3`, a) },
    {
      name: 'GraphQL published page content(depth: 3) → draft document',
      secret: S.docTitle,
      run: (a) => gql(U(), `{ Page(id: ${lit(ids.pubPage)}) { content(depth: 3) } }`, a),
    },
    { name: 'REST published project → documents → draft document', secret: S.docTitle, run: (a) => get(U(), `/api/projects/${ids.pubProject}?depth=2`, a) },
    {
      name: 'GraphQL published project → documents → draft document',
      secret: S.docTitle,
      run: (a) => gql(U(), `{ Project(id: ${lit(ids.pubProject)}) { documents { title } } }`, a),
    },
    { name: 'REST published document → relatedProjects → draft project', secret: S.projectTitle, run: (a) => get(U(), `/api/documents/${ids.pubDoc}?depth=1`, a) },
    {
      name: 'GraphQL published document → relatedProjects → draft project',
      secret: S.projectTitle,
      run: (a) => gql(U(), `{ Document(id: ${lit(ids.pubDoc)}) { relatedProjects { title contact { email } } } }`, a),
    },
    {
      name: 'REST list published projects with depth → draft documents',
      secret: S.docTitle,
      run: (a) => get(U(), `/api/projects?depth=1&limit=100`, a),
    },
    // File URLs follow the read rule of their collection.
    {
      name: 'file URL of a draft document',
      secret: S.docPdfLine,
      run: (a) => get(U(), `/api/documents/file/${encodeURIComponent(draftDocFile)}`, a),
      outsiderStatus: [403, 404],
    },
    {
      name: 'file URL of a draft animation',
      secret: (res) => res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('video/'),
      run: (a) => get(U(), `/api/animations/file/${encodeURIComponent(draftAnimFile)}`, a),
      outsiderStatus: [403, 404],
    },
    // A published page with a newer draft: the public keeps the published version.
    {
      name: 'REST detail of a published page with a newer draft',
      secret: S.newerDraftTitle,
      run: (a) => get(U(), `/api/pages/${ids.pubWithDraft}`, a),
      insiderRun: (a) => get(U(), `/api/pages/${ids.pubWithDraft}?draft=true`, a),
    },
    { name: 'REST detail draft=true of a published page with a newer draft', secret: S.newerDraftTitle, run: (a) => get(U(), `/api/pages/${ids.pubWithDraft}?draft=true`, a) },
    {
      name: 'REST find-by-slug draft=true of a published page with a newer draft',
      secret: S.newerDraftTitle,
      run: (a) => get(U(), `/api/pages?where[slug][equals]=${ids.pubWithDraftSlug}&draft=true`, a),
    },
    {
      name: 'GraphQL list draft: true with a newer draft',
      secret: S.newerDraftTitle,
      run: (a) => gql(U(), `{ Pages(limit: 100, draft: true) { docs { title } } }`, a),
    },
    {
      name: 'GraphQL detail draft: true of a published page with a newer draft',
      secret: S.newerDraftTitle,
      run: (a) => gql(U(), `{ Page(id: ${lit(ids.pubWithDraft)}, draft: true) { title } }`, a),
    },
    // Unpublished: gone everywhere.
    { name: 'REST detail after unpublish', secret: S.unpublishedTitle, run: (a) => get(U(), `/api/pages/${ids.unpublished}?draft=true`, a) },
    {
      name: 'REST list after unpublish',
      secret: S.unpublishedTitle,
      run: (a) => get(U(), `/api/pages?limit=100`, a),
      insiderRun: (a) => get(U(), `/api/pages?limit=100&draft=true`, a),
    },
    {
      name: 'REST find-by-slug after unpublish',
      secret: S.unpublishedTitle,
      run: (a) => get(U(), `/api/pages?where[slug][equals]=${ids.unpublishedSlug}`, a),
      insiderRun: (a) => get(U(), `/api/pages?where[slug][equals]=${ids.unpublishedSlug}&draft=true`, a),
    },
    { name: 'GraphQL detail after unpublish', secret: S.unpublishedTitle, run: (a) => gql(U(), `{ Page(id: ${lit(ids.unpublished)}, draft: true) { title } }`, a) },
    // Contact details not marked public.
    { name: 'REST project contact e-mail not public', secret: S.privateEmail, run: (a) => get(U(), `/api/projects/${ids.pubProject}`, a) },
    { name: 'REST project contact name not public', secret: S.privateName, run: (a) => get(U(), `/api/projects?limit=100`, a) },
    {
      name: 'GraphQL project contact not public',
      secret: S.privateEmail,
      run: (a) => gql(U(), `{ Project(id: ${lit(ids.pubProject)}) { contact { name email } } }`, a),
    },
    {
      name: 'GraphQL depth-populated project contact not public',
      secret: S.privateEmail,
      run: (a) => gql(U(), `{ Document(id: ${lit(ids.pubDoc)}) { relatedProjects { contact { name email } } } }`, a),
    },
    {
      name: 'REST depth-populated project contact not public',
      secret: S.privateEmail,
      run: (a) => get(U(), `/api/documents/${ids.pubDoc}?depth=1&populate[projects][contact]=true`, a),
    },
    {
      name: 'contact of a draft project, even to a preview frontend',
      secret: S.contactEmail,
      run: (a) => get(U(), `/api/projects/${ids.draftProject}?draft=true`, a),
      outsider: () => ({ apiKey: accounts.previewKey }),
    },
    // Users are never public.
    { name: 'REST users list', secret: 'beheerder@example.test', run: (a) => get(U(), '/api/users', a), insider: admin },
    { name: 'REST user detail', secret: 'beheerder@example.test', run: (a) => get(U(), `/api/users/${accounts.adminId}`, a), insider: admin },
    { name: 'GraphQL Users', secret: 'beheerder@example.test', run: (a) => gql(U(), '{ Users { docs { email } } }', a), insider: admin },
    { name: 'GraphQL User', secret: 'beheerder@example.test', run: (a) => gql(U(), `{ User(id: ${lit(accounts.adminId)}) { email } }`, a), insider: admin },
    { name: 'editor reading the admin account', secret: 'beheerder@example.test', run: (a) => get(U(), `/api/users/${accounts.adminId}`, a), insider: admin, outsider: editor },
    // Preview tokens open exactly one document.
    {
      name: 'preview token for page A does not open draft page B',
      secret: S.pageBTitle,
      run: (a) => get(U(), `/api/pages/${ids.draftPageB}?draft=true`, a),
      insider: () => withToken(signPreviewToken('pages', ids.draftPageB).token),
      outsider: () => withToken(signPreviewToken('pages', ids.draftPage).token),
    },
    {
      name: 'preview token for page A does not list draft page B',
      secret: S.pageBTitle,
      run: (a) => get(U(), `/api/pages?limit=100&draft=true`, a),
      insider: () => withToken(signPreviewToken('pages', ids.draftPageB).token),
      outsider: () => withToken(signPreviewToken('pages', ids.draftPage).token),
    },
    {
      name: 'a pages token does not open the project with the same id',
      secret: S.projectTitle,
      run: (a) => get(U(), `/api/projects/${ids.draftProject}?draft=true`, a),
      insider: () => withToken(signPreviewToken('projects', ids.draftProject).token),
      outsider: () => withToken(signPreviewToken('pages', ids.draftProject).token),
    },
    {
      name: 'expired preview token',
      secret: S.pageTitle,
      run: (a) => get(U(), `/api/pages/${ids.draftPage}?draft=true`, a),
      insider: () => withToken(signPreviewToken('pages', ids.draftPage).token),
      outsider: () => withToken(signPreviewToken('pages', ids.draftPage, 60, Date.now() - 2 * 60 * 1000).token),
      outsiderStatus: [401],
    },
    {
      name: 'forged preview token signature',
      secret: S.pageTitle,
      run: (a) => get(U(), `/api/pages/${ids.draftPage}?draft=true`, a),
      insider: () => withToken(signPreviewToken('pages', ids.draftPage).token),
      outsider: () => {
        const [body] = signPreviewToken('pages', ids.draftPage).token.split('.')
        return withToken(`${body}.${Buffer.alloc(32, 7).toString('base64url')}`)
      },
      outsiderStatus: [401],
    },
    {
      name: 'preview token body swapped to another document',
      secret: S.pageBTitle,
      run: (a) => get(U(), `/api/pages/${ids.draftPageB}?draft=true`, a),
      insider: () => withToken(signPreviewToken('pages', ids.draftPageB).token),
      outsider: () => {
        const [, signature] = signPreviewToken('pages', ids.draftPage).token.split('.')
        const [body] = signPreviewToken('pages', ids.draftPageB).token.split('.')
        return withToken(`${body}.${signature}`)
      },
      outsiderStatus: [401],
    },
    {
      name: 'preview token from another secret (GraphQL)',
      secret: S.pageTitle,
      run: (a) => gql(U(), `{ Page(id: ${lit(ids.draftPage)}, draft: true) { title } }`, a),
      insider: () => withToken(signPreviewToken('pages', ids.draftPage).token),
      outsider: () => {
        process.env.PREVIEW_SECRET = 'some-other-secret'
        const { token } = signPreviewToken('pages', ids.draftPage)
        process.env.PREVIEW_SECRET = PREVIEW_SECRET
        return withToken(token)
      },
      outsiderStatus: [401],
    },
  )
  return list
}

beforeAll(async () => {
  server = await startServer({ PREVIEW_SECRET })
  accounts = await createAccounts(server.url)
  const url = server.url
  const token = accounts.editorToken

  ids.draftPageSlug = marker('concept-pagina').toLowerCase()
  ids.draftPage = (await createDoc(url, token, 'pages', { title: S.pageTitle, slug: ids.draftPageSlug }, true)).id
  ids.draftPageB = (await createDoc(url, token, 'pages', { title: S.pageBTitle, slug: marker('concept-b') }, true)).id
  ids.draftProjectSlug = marker('concept-project')
  ids.draftProject = (
    await createDoc(
      url,
      token,
      'projects',
      { title: S.projectTitle, slug: ids.draftProjectSlug, contact: { public: false, name: S.contactName, email: S.contactEmail } },
      true,
    )
  ).id
  ids.draftDocSlug = marker('concept-document')
  const draftDoc = await uploadDoc(
    url,
    token,
    'documents',
    { title: S.docTitle, slug: ids.draftDocSlug, type: 'factsheet' },
    pdf(S.docPdfLine, `${ids.draftDocSlug}.pdf`),
    true,
  )
  ids.draftDoc = draftDoc.id
  draftDocFile = draftDoc.filename
  ids.draftAnimSlug = marker('concept-animatie')
  const draftAnim = await uploadDoc(url, token, 'animations', { title: S.animTitle, slug: ids.draftAnimSlug }, webm(`${ids.draftAnimSlug}.webm`), true)
  ids.draftAnim = draftAnim.id
  draftAnimFile = draftAnim.filename

  ids.pubProject = (
    await createDoc(
      url,
      token,
      'projects',
      {
        title: marker('Openbaar project'),
        slug: marker('openbaar-project'),
        documents: [ids.draftDoc],
        contact: { public: false, name: S.privateName, email: S.privateEmail, organisation: 'DJI' },
      },
      false,
    )
  ).id
  const pubDocSlug = marker('openbaar-document')
  ids.pubDoc = (
    await uploadDoc(
      url,
      token,
      'documents',
      { title: marker('Openbaar document'), slug: pubDocSlug, type: 'factsheet', relatedProjects: [ids.draftProject, ids.pubProject] },
      pdf('Openbaar', `${pubDocSlug}.pdf`),
      false,
    )
  ).id
  ids.pubPage = (
    await createDoc(
      url,
      token,
      'pages',
      {
        title: marker('Openbare pagina'),
        slug: marker('openbare-pagina'),
        content: richText(paragraph('Lijst:'), block('documentList', { heading: 'Documenten', documents: [ids.draftDoc] }, 'aaaaaaaaaaaaaaaaaaaaaaaa')),
      },
      false,
    )
  ).id
  ids.pubWithDraftSlug = marker('met-concept')
  ids.pubWithDraft = (await createDoc(url, token, 'pages', { title: S.publishedTitle, slug: ids.pubWithDraftSlug }, false)).id
  const newer = await send(url, 'PATCH', `/api/pages/${ids.pubWithDraft}?draft=true`, { title: S.newerDraftTitle, _status: 'draft' }, { token })
  expect(newer.status).toBe(200)
  ids.unpublishedSlug = marker('teruggetrokken')
  ids.unpublished = (await createDoc(url, token, 'pages', { title: S.unpublishedTitle, slug: ids.unpublishedSlug }, false)).id
  const unpublish = await send(url, 'PATCH', `/api/pages/${ids.unpublished}`, { _status: 'draft' }, { token })
  expect(unpublish.status).toBe(200)

  const versions = await get(U(), `/api/pages/versions?where[parent][equals]=${ids.draftPage}`, { token })
  draftPageVersionId = versions.body.docs[0].id
}, 240_000)

afterAll(async () => {
  await server?.stop()
})

const PROBES = probes()

describe('leak probes', () => {
  it('has at least 40 probes', () => {
    expect(PROBES.length).toBeGreaterThanOrEqual(40)
  })

  it.each(PROBES.map((probe) => [probe.name, probe] as const))('%s', async (_name, probe) => {
    const insider = await (probe.insiderRun ?? probe.run)((probe.insider ?? editor)())
    // The probe can fail: the secret really is there for someone entitled to it.
    expect({ insiderSees: leaked(probe, insider), status: insider.status }).toEqual({ insiderSees: true, status: insider.status })
    const outsider = await probe.run(probe.outsider?.())
    expect({ leaked: leaked(probe, outsider), serverError: outsider.status >= 500 }).toEqual({ leaked: false, serverError: false })
    if (probe.outsiderStatus) expect(probe.outsiderStatus).toContain(outsider.status)
  })

  it('anonymous readers still see the published version of a page with a newer draft', async () => {
    const rest = await get(server.url, `/api/pages/${ids.pubWithDraft}`)
    expect(rest.status).toBe(200)
    expect(rest.body.title).toBe(S.publishedTitle)
    const graph = await gql(server.url, `{ Page(id: ${lit(ids.pubWithDraft)}) { title } }`)
    expect(graph.body.data.Page.title).toBe(S.publishedTitle)
  })

  it('a published project shows the related draft document as an id at most', async () => {
    const res = await get(server.url, `/api/projects/${ids.pubProject}?depth=2`)
    expect(res.status).toBe(200)
    for (const item of res.body.documents) expect(typeof item === 'object' && item !== null).toBe(false)
    expect(res.body.contact?.email).toBeUndefined()
    expect(res.body.contact?.organisation).toBe('DJI')
  })
})
