import type { GroupField } from 'payload'

import { label } from '../i18n/label'
import { message } from '../i18n/messages'

const isHttpUrl = (value: unknown): boolean => {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:'
  } catch {
    return false
  }
}

/** A link to an internal page or an external URL, with its visible label. */
export const linkField = (name = 'link', options: { labelRequired?: boolean } = {}): GroupField => ({
  name,
  type: 'group',
  label: label('Link', 'Link'),
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'type',
          type: 'radio',
          label: label('Soort link', 'Link type'),
          defaultValue: 'internal',
          options: [
            { label: label('Interne pagina', 'Internal page'), value: 'internal' },
            { label: label('Externe URL', 'External URL'), value: 'external' },
          ],
          admin: { layout: 'horizontal' },
        },
        {
          name: 'newTab',
          type: 'checkbox',
          label: label('Openen in nieuw tabblad', 'Open in new tab'),
        },
      ],
    },
    {
      name: 'page',
      type: 'relationship',
      relationTo: 'pages',
      label: label('Pagina', 'Page'),
      admin: { condition: (_, sibling) => sibling?.type !== 'external' },
      validate: (value: unknown, { siblingData, req }: { siblingData: any; req: any }) =>
        siblingData?.type === 'external' || Boolean(value) || message('linkTargetRequired', req),
    },
    {
      name: 'url',
      type: 'text',
      label: label('URL', 'URL'),
      admin: { condition: (_, sibling) => sibling?.type === 'external' },
      validate: (value: unknown, { siblingData, req }: { siblingData: any; req: any }) =>
        siblingData?.type !== 'external' || isHttpUrl(value) || message('urlInvalid', req),
    },
    {
      name: 'label',
      type: 'text',
      localized: true,
      required: options.labelRequired ?? true,
      label: label('Linktekst', 'Link text'),
    },
  ],
})
