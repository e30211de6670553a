import {
  docAccessOperation,
  Forbidden,
  NotFound,
  UnauthorizedError,
  ValidationError,
  type Endpoint,
  type PayloadRequest,
  type Where,
} from 'payload'

import { message } from '../i18n/messages'

/**
 * REST for scheduled publish/unpublish, the API twin of the admin's "Publicatie
 * plannen" drawer (which uses a server function, not REST). Payload's own
 * `payload-jobs` collection stays closed; these endpoints queue the same
 * `schedulePublish` job the admin queues, on behalf of the logged-in user, so the
 * job later publishes with that user's rights and runs the publish guardrails.
 *
 *   POST   /api/<collection>/:id/schedule          { type?: 'publish'|'unpublish', at: ISO date, locale? }
 *   GET    /api/<collection>/:id/schedule          pending schedules of the document
 *   DELETE /api/<collection>/:id/schedule/:jobId   cancels one pending schedule
 */

type ScheduleType = 'publish' | 'unpublish'

type ScheduleJob = {
  id: number | string
  input?: { type?: ScheduleType; locale?: string; doc?: { relationTo: string; value: string } }
  waitUntil?: string
  completedAt?: string | null
  processing?: boolean
}

const present = (job: ScheduleJob) => ({
  id: job.id,
  type: job.input?.type === 'unpublish' ? 'unpublish' : 'publish',
  at: job.waitUntil,
  locale: job.input?.locale ?? null,
})

/** Only a logged-in user who may publish this very document may schedule it. */
const authorize = async (req: PayloadRequest, slug: string): Promise<string> => {
  const id = req.routeParams?.id
  if (!req.user) throw new UnauthorizedError(req.t)
  if (typeof id !== 'string' || !id) throw new NotFound(req.t)
  const doc = await req.payload.findByID({
    collection: slug as 'pages',
    id,
    depth: 0,
    draft: true,
    overrideAccess: false,
    disableErrors: true,
    req,
  })
  if (!doc) throw new NotFound(req.t)
  const permissions = await docAccessOperation({
    id,
    collection: req.payload.collections[slug as 'pages'],
    data: { _status: 'published' },
    req,
  })
  if (!permissions.update) throw new Forbidden(req.t)
  return id
}

/**
 * Pending (not started, not finished) schedule jobs: of one document when `slug` and `id`
 * are given, else of every document (the "Gepland" field, src/fields/scheduled.ts).
 */
export const pendingWhere = (slug?: string, id?: string, jobId?: string): Where => ({
  and: [
    { taskSlug: { equals: 'schedulePublish' } },
    ...(slug ? [{ 'input.doc.relationTo': { equals: slug } }] : []),
    ...(id ? [{ 'input.doc.value': { equals: String(id) } }] : []),
    { completedAt: { exists: false } },
    { processing: { equals: false } },
    ...(jobId ? [{ id: { equals: jobId } }] : []),
  ],
})

const readBody = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  try {
    const body = await req.json?.()
    return body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

const parseSchedule = (req: PayloadRequest, body: Record<string, unknown>) => {
  const errors: { path: string; message: string }[] = []
  const type = body.type ?? 'publish'
  if (type !== 'publish' && type !== 'unpublish')
    errors.push({ path: 'type', message: message('scheduleTypeInvalid', req) })
  const at = typeof body.at === 'string' ? new Date(body.at) : undefined
  if (!at || Number.isNaN(at.getTime()))
    errors.push({ path: 'at', message: message('scheduleDateInvalid', req) })
  else if (at.getTime() <= Date.now())
    errors.push({ path: 'at', message: message('scheduleDateInPast', req) })
  const locales = req.payload.config.localization ? req.payload.config.localization.localeCodes : []
  const locale = body.locale
  if (
    locale !== undefined &&
    locale !== null &&
    (typeof locale !== 'string' || !locales.includes(locale))
  ) {
    errors.push({ path: 'locale', message: message('scheduleLocaleInvalid', req) })
  }
  if (errors.length) throw new ValidationError({ errors }, req.t)
  return {
    type: type as ScheduleType,
    at: at as Date,
    locale: typeof locale === 'string' ? locale : undefined,
  }
}

export const scheduleEndpoints = (slug: string): Endpoint[] => [
  {
    path: '/:id/schedule',
    method: 'post',
    handler: async (req) => {
      const id = await authorize(req, slug)
      const { type, at, locale } = parseSchedule(req, await readBody(req))
      const job = await req.payload.jobs.queue({
        task: 'schedulePublish',
        waitUntil: at,
        input: {
          type,
          // The admin stores the id as a string too; the task converts it back.
          doc: { relationTo: slug as 'pages', value: String(id) as unknown as number },
          // Like the admin: a locale only narrows a publish; unpublish is per document.
          locale: type === 'publish' ? locale : undefined,
          // The job publishes as the scheduling user (their access rules and guardrails apply).
          user: { relationTo: req.user!.collection as 'users', value: req.user!.id },
        },
        req,
      })
      return Response.json(
        { message: message('scheduled', req), job: present(job as unknown as ScheduleJob) },
        { status: 201 },
      )
    },
  },
  {
    path: '/:id/schedule',
    method: 'get',
    handler: async (req) => {
      const id = await authorize(req, slug)
      const { docs } = await req.payload.db.find<ScheduleJob>({
        collection: 'payload-jobs',
        limit: 0,
        pagination: false,
        sort: 'waitUntil',
        where: pendingWhere(slug, id),
        req,
      })
      return Response.json({ docs: docs.map(present) })
    },
  },
  {
    path: '/:id/schedule/:jobId',
    method: 'delete',
    handler: async (req) => {
      const id = await authorize(req, slug)
      const jobId = req.routeParams?.jobId
      // Job ids follow the database's id type; anything else cannot name a job.
      const numeric = req.payload.db.defaultIDType === 'number'
      if (typeof jobId !== 'string' || (numeric && !/^\d+$/.test(jobId))) throw new NotFound(req.t)
      const where = pendingWhere(slug, id, jobId)
      const { docs } = await req.payload.db.find<ScheduleJob>({
        collection: 'payload-jobs',
        limit: 1,
        where,
        req,
      })
      if (!docs.length) throw new NotFound(req.t)
      await req.payload.db.deleteMany({ collection: 'payload-jobs', where, req })
      return Response.json({ message: message('scheduleCancelled', req), job: present(docs[0]) })
    },
  },
]
