import type { CollectionSlug, FieldHook, PayloadRequest, TextareaField } from 'payload'

import { label } from '../i18n/label'
import { requestLanguage } from '../i18n/messages'
import { pendingWhere } from '../jobs/scheduleEndpoints'
import { formatAmsterdam } from '../utilities/amsterdamTime'

type PendingSchedule = { slug: string; id: string; type: 'publish' | 'unpublish'; at: Date }

const PENDING = Symbol('koers.pendingSchedules')

/**
 * Every pending (not started, not finished) scheduled publish or unpublish, read once
 * per request however many documents it shows (a list of 100 costs one query).
 */
const pendingSchedules = (req: PayloadRequest): Promise<PendingSchedule[]> => {
  const context = req.context as { [PENDING]?: Promise<PendingSchedule[]> }
  context[PENDING] ??= req.payload
    .find({
      collection: 'payload-jobs',
      where: pendingWhere(),
      sort: 'waitUntil',
      limit: 1000,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    .then(({ docs }) =>
      docs.flatMap((job) => {
        const input = job.input as
          { type?: string; doc?: { relationTo?: string; value?: unknown } } | undefined
        if (!input?.doc?.relationTo || input.doc.value === undefined || !job.waitUntil) return []
        return [
          {
            slug: input.doc.relationTo,
            id: String(input.doc.value),
            type: input.type === 'unpublish' ? ('unpublish' as const) : ('publish' as const),
            at: new Date(job.waitUntil),
          },
        ]
      }),
    )
  return context[PENDING]
}

const WORDS = {
  nl: { publish: 'Publiceren op', unpublish: 'Depubliceren op' },
  en: { publish: 'Publish on', unpublish: 'Unpublish on' },
} as const

const describeSchedules =
  (collection: CollectionSlug): FieldHook =>
  async ({ data, originalDoc, req }) => {
    // Editors only (see access below): an anonymous read costs no query.
    if (!req.user) return undefined
    const id = (originalDoc?.id ?? data?.id) as number | string | undefined
    if (id === undefined) return undefined
    const words = WORDS[requestLanguage(req)]
    const mine = (await pendingSchedules(req)).filter(
      (schedule) => schedule.slug === collection && schedule.id === String(id),
    )
    return mine.length
      ? mine.map((schedule) => `${words[schedule.type]} ${formatAmsterdam(schedule.at)}`).join('; ')
      : undefined
  }

/**
 * "Gepland": the document's pending scheduled publish/unpublish ("Publiceren op
 * 01-03-2026 10:00"), in the edit view's sidebar and as a list column, so an editor sees
 * what will happen without opening the schedule dialog. Computed from the job queue on
 * read, never stored; editors only (the public never learns what is planned).
 */
export const scheduledField = (collection: CollectionSlug): TextareaField => ({
  name: 'scheduled',
  // A textarea: a publish and an unpublish both fit without scrolling sideways.
  type: 'textarea',
  virtual: true,
  label: label('Gepland', 'Scheduled'),
  access: {
    read: ({ req }) => Boolean(req.user),
    create: () => false,
    update: () => false,
  },
  admin: {
    readOnly: true,
    position: 'sidebar',
    description: label(
      'Geplande publicatie of depublicatie. Plannen en annuleren via "Publicatie plannen" bij de publicatieknop.',
      'Scheduled publish or unpublish. Schedule and cancel via "Schedule publish" next to the publish button.',
    ),
    disableListFilter: true,
  },
  hooks: { afterRead: [describeSchedules(collection)] },
})
