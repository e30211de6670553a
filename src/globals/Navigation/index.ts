import type { GlobalConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { editors } from '../../access/roles'
import { linkField } from '../../fields/link'
import { auditGlobalAfterChange } from '../../hooks/auditGlobalAfterChange'
import { label } from '../../i18n/label'

export const Navigation: GlobalConfig<'navigation'> = {
  slug: 'navigation',
  label: label('Navigatie', 'Navigation'),
  access: { read: anyone, update: editors },
  admin: { group: label('Instellingen', 'Settings') },
  hooks: { afterChange: [auditGlobalAfterChange] },
  fields: [
    {
      name: 'header',
      type: 'array',
      label: label('Hoofdmenu', 'Header menu'),
      labels: { singular: label('Menu-item', 'Menu item'), plural: label('Menu-items', 'Menu items') },
      maxRows: 8,
      fields: [linkField()],
    },
    {
      name: 'footerColumns',
      type: 'array',
      label: label('Footerkolommen', 'Footer columns'),
      labels: { singular: label('Kolom', 'Column'), plural: label('Kolommen', 'Columns') },
      maxRows: 4,
      fields: [
        { name: 'heading', type: 'text', localized: true, label: label('Kop', 'Heading') },
        {
          name: 'links',
          type: 'array',
          label: label('Links', 'Links'),
          labels: { singular: label('Link', 'Link'), plural: label('Links', 'Links') },
          fields: [linkField()],
        },
      ],
    },
  ],
}
