import type { PureGuardrail } from './types'
import { filled } from './values'

/** An animation is published with exactly one source: its own video file or an external URL. */
export const animationVideoSource: PureGuardrail = (doc, { t }) =>
  filled(doc.filename) === filled(doc.externalUrl) ? [{ path: 'externalUrl', message: t('videoSourceRequired') }] : []
