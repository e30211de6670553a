import type { Block } from 'payload'

import { label } from '../i18n/label'

export const AnimationBlock: Block = {
  slug: 'animation',
  interfaceName: 'AnimationBlock',
  labels: { singular: label('Animatie', 'Animation'), plural: label('Animaties', 'Animations') },
  fields: [
    {
      name: 'animation',
      type: 'relationship',
      relationTo: 'animations',
      required: true,
      label: label('Animatie', 'Animation'),
    },
  ],
}
