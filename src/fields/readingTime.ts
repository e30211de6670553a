import type { FieldHook, NumberField } from 'payload'

import { label } from '../i18n/label'
import { readingTimeMinutes } from '../utilities/plainText'

/** Computed on every save from the named text fields of the same document and locale. */
export const readingTimeField = (sourceFields: string[]): NumberField => {
  const compute: FieldHook = ({ data, originalDoc }) =>
    readingTimeMinutes(sourceFields.map((name) => data?.[name] ?? originalDoc?.[name]))

  return {
    name: 'readingTimeMinutes',
    type: 'number',
    localized: true,
    label: label('Leestijd (minuten)', 'Reading time (minutes)'),
    admin: {
      readOnly: true,
      position: 'sidebar',
      description: label(
        'Wordt bij opslaan berekend: 200 woorden per minuut.',
        'Computed on save: 200 words per minute.',
      ),
    },
    hooks: { beforeChange: [compute] },
  }
}
