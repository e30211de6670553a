import type { Block } from 'payload'

import { linkField } from '../fields/link'
import { label } from '../i18n/label'

export const CallToActionBlock: Block = {
  slug: 'callToAction',
  interfaceName: 'CallToActionBlock',
  labels: { singular: label('Oproep tot actie', 'Call to action'), plural: label('Oproepen tot actie', 'Calls to action') },
  fields: [{ name: 'text', type: 'textarea', label: label('Tekst', 'Text') }, linkField('link')],
}
