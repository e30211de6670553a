import type { Block } from 'payload'

import { keyFiguresField } from '../fields/keyFigures'
import { label } from '../i18n/label'

export const KeyFiguresBlock: Block = {
  slug: 'keyFigures',
  interfaceName: 'KeyFiguresBlock',
  labels: { singular: label('Kerncijfers', 'Key figures'), plural: label('Kerncijfers', 'Key figures') },
  fields: [keyFiguresField()],
}
