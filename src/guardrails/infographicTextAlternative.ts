import { hasText } from './richText'
import type { PureGuardrail } from './types'

/** Rule 2: an infographic is published only with a text alternative that says something. */
export const infographicTextAlternative: PureGuardrail = (doc, { t }) =>
  doc.type === 'infographic' && !hasText(doc.textAlternative)
    ? [{ path: 'textAlternative', message: t('textAlternativeRequired') }]
    : []
