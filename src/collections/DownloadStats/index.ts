import type { CollectionConfig } from 'payload'

import { admins } from '../../access/admin'
import { isAdmin } from '../../access/roles'
import { label } from '../../i18n/label'

const nobody = () => false

/**
 * Downloads per document per day, for the last year. One row per document and day
 * (unique together), raised atomically by the download route (src/http/downloadCounter.ts);
 * rows older than a year are removed. Nothing about the visitor is stored: no IP
 * address, cookie, user agent or time of day. Readable by administrators only, never
 * written through the API.
 */
export const DownloadStats: CollectionConfig<'downloadStats'> = {
  slug: 'downloadStats',
  labels: {
    singular: label('Downloads per dag', 'Downloads per day'),
    plural: label('Downloadstatistiek', 'Download statistics'),
  },
  access: { read: admins, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-day',
  admin: {
    group: label('Beheer', 'Administration'),
    defaultColumns: ['day', 'document', 'count'],
    hidden: ({ user }) => !isAdmin(user),
    description: label(
      'Aantal volledige downloads per document per dag (Nederlandse tijd), het afgelopen jaar. Zonder gegevens over de bezoeker.',
      'Number of complete downloads per document per day (Dutch time), for the last year. Without any data about the visitor.',
    ),
  },
  indexes: [{ fields: ['document', 'day'], unique: true }],
  fields: [
    {
      name: 'document',
      type: 'relationship',
      relationTo: 'documents',
      required: true,
      label: label('Document', 'Document'),
    },
    {
      name: 'day',
      type: 'text',
      required: true,
      index: true,
      label: label('Dag (JJJJ-MM-DD)', 'Day (YYYY-MM-DD)'),
    },
    {
      name: 'count',
      type: 'number',
      required: true,
      defaultValue: 0,
      label: label('Downloads', 'Downloads'),
    },
  ],
}
