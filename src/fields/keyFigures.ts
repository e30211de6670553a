import type { ArrayField } from 'payload'

import { label } from '../i18n/label'

/** "bijna 70%" + "van de criminaliteit is herhalingscriminaliteit". */
export const keyFiguresField = (name = 'figures', localized = false): ArrayField => ({
  name,
  type: 'array',
  localized,
  label: label('Kerncijfers', 'Key figures'),
  labels: { singular: label('Kerncijfer', 'Key figure'), plural: label('Kerncijfers', 'Key figures') },
  minRows: 1,
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'value', type: 'text', required: true, label: label('Waarde', 'Value'), admin: { width: '30%' } },
        { name: 'label', type: 'text', required: true, label: label('Omschrijving', 'Label') },
      ],
    },
  ],
})
