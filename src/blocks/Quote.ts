import type { Block } from 'payload'

import { label } from '../i18n/label'

export const QuoteBlock: Block = {
  slug: 'quote',
  interfaceName: 'QuoteBlock',
  labels: { singular: label('Citaat', 'Quote'), plural: label('Citaten', 'Quotes') },
  fields: [
    { name: 'quote', type: 'textarea', required: true, label: label('Citaat', 'Quote') },
    { name: 'author', type: 'text', label: label('Naam', 'Name') },
    { name: 'role', type: 'text', label: label('Functie of organisatie', 'Role or organisation') },
  ],
}
