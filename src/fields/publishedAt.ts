import type { DateField } from 'payload'

import { label } from '../i18n/label'

export const publishedAtField: DateField = {
  name: 'publishedAt',
  type: 'date',
  index: true,
  label: label('Publicatiedatum', 'Published at'),
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime' },
    description: label(
      'Wordt gezet bij de eerste publicatie. Gebruik "Publicatie plannen" om later te publiceren.',
      'Set on first publish. Use "Schedule publish" to publish later.',
    ),
  },
}
