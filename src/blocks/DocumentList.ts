import type { Block } from 'payload'

import { label } from '../i18n/label'

export const DocumentListBlock: Block = {
  slug: 'documentList',
  interfaceName: 'DocumentListBlock',
  labels: { singular: label('Documentenlijst', 'Document list'), plural: label('Documentenlijsten', 'Document lists') },
  fields: [
    { name: 'heading', type: 'text', label: label('Kop', 'Heading') },
    {
      name: 'documents',
      type: 'relationship',
      relationTo: 'documents',
      hasMany: true,
      required: true,
      label: label('Documenten', 'Documents'),
    },
  ],
}
