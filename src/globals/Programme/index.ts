import type { GlobalConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { editors } from '../../access/roles'
import { keyFiguresField } from '../../fields/keyFigures'
import { changeLineOptions } from '../../fields/projectOptions'
import { basicEditor } from '../../fields/richText'
import { auditGlobalAfterChange } from '../../hooks/auditGlobalAfterChange'
import { label } from '../../i18n/label'

export const Programme: GlobalConfig<'programme'> = {
  slug: 'programme',
  label: label('Programma', 'Programme'),
  access: { read: anyone, update: editors },
  admin: { group: label('Instellingen', 'Settings') },
  hooks: { afterChange: [auditGlobalAfterChange] },
  fields: [
    {
      name: 'aims',
      type: 'array',
      localized: true,
      label: label('Doelen', 'Aims'),
      labels: { singular: label('Doel', 'Aim'), plural: label('Doelen', 'Aims') },
      fields: [{ name: 'aim', type: 'textarea', required: true, label: label('Doel', 'Aim') }],
    },
    {
      name: 'changeLines',
      type: 'array',
      label: label('Veranderlijnen', 'Change lines'),
      labels: { singular: label('Veranderlijn', 'Change line'), plural: label('Veranderlijnen', 'Change lines') },
      maxRows: 3,
      fields: [
        { name: 'key', type: 'select', required: true, options: changeLineOptions, label: label('Sleutel', 'Key') },
        { name: 'title', type: 'text', required: true, localized: true, label: label('Titel', 'Title') },
        { name: 'description', type: 'textarea', localized: true, label: label('Omschrijving', 'Description') },
      ],
    },
    keyFiguresField('keyFigures', true),
    {
      name: 'howToTakePart',
      type: 'richText',
      localized: true,
      editor: basicEditor,
      label: label('Hoe doe je mee?', 'How to take part'),
    },
  ],
}
