import type { Block } from 'payload'

import { changeLineOptions, themeOptions } from '../fields/projectOptions'
import { label } from '../i18n/label'

/** Either a filtered selection (by change line / theme) or hand-picked projects. */
export const ProjectListBlock: Block = {
  slug: 'projectList',
  interfaceName: 'ProjectListBlock',
  labels: { singular: label('Projectenlijst', 'Project list'), plural: label('Projectenlijsten', 'Project lists') },
  fields: [
    { name: 'heading', type: 'text', label: label('Kop', 'Heading') },
    {
      name: 'mode',
      type: 'radio',
      defaultValue: 'filter',
      label: label('Selectie', 'Selection'),
      options: [
        { value: 'filter', label: label('Op veranderlijn/thema', 'By change line/theme') },
        { value: 'manual', label: label('Zelf gekozen', 'Hand-picked') },
      ],
    },
    {
      name: 'changeLines',
      type: 'select',
      hasMany: true,
      options: changeLineOptions,
      label: label('Veranderlijnen', 'Change lines'),
      admin: { condition: (_, sibling) => sibling?.mode !== 'manual' },
    },
    {
      name: 'themes',
      type: 'select',
      hasMany: true,
      options: themeOptions,
      label: label("Thema's", 'Themes'),
      admin: { condition: (_, sibling) => sibling?.mode !== 'manual' },
    },
    {
      name: 'limit',
      type: 'number',
      min: 1,
      max: 24,
      defaultValue: 6,
      label: label('Maximum aantal', 'Maximum number'),
      admin: { condition: (_, sibling) => sibling?.mode !== 'manual' },
    },
    {
      name: 'projects',
      type: 'relationship',
      relationTo: 'projects',
      hasMany: true,
      label: label('Projecten', 'Projects'),
      admin: { condition: (_, sibling) => sibling?.mode === 'manual' },
    },
  ],
}
