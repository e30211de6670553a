import type { GroupField } from 'payload'

import { label } from '../i18n/label'

/** SEO and Open Graph metadata; the frontend falls back to title/intro when empty. */
export const metaField: GroupField = {
  name: 'meta',
  type: 'group',
  label: label('SEO en delen', 'SEO and sharing'),
  fields: [
    {
      name: 'title',
      type: 'text',
      localized: true,
      label: label('SEO-titel', 'SEO title'),
      maxLength: 70,
      admin: {
        description: label(
          'Titel voor zoekmachines (max. 70 tekens). Leeg: de gewone titel.',
          'Title for search engines (max. 70 characters). Empty: the normal title.',
        ),
      },
    },
    {
      name: 'description',
      type: 'textarea',
      localized: true,
      label: label('SEO-omschrijving', 'SEO description'),
      maxLength: 160,
      admin: {
        description: label(
          'Korte omschrijving voor zoekmachines en social media (max. 160 tekens).',
          'Short description for search engines and social media (max. 160 characters).',
        ),
      },
    },
    {
      name: 'image',
      type: 'upload',
      relationTo: 'media',
      label: label('Deelafbeelding (Open Graph)', 'Share image (Open Graph)'),
    },
  ],
}
