import type { ValidationFieldError } from 'payload'

import { hasText } from './richText'
import type { PureGuardrail } from './types'
import { filled, isObject } from './values'

/** Rule 3: an animation is published only with at least one WebVTT track and a transcript. */
export const animationCaptionsAndTranscript: PureGuardrail = (doc, { t }) => {
  const errors: ValidationFieldError[] = []
  const tracks = Array.isArray(doc.captions) ? doc.captions : []
  if (!tracks.some((track) => isObject(track) && filled(track.vtt))) {
    errors.push({ path: 'captions', message: t('captionsRequired') })
  }
  if (!hasText(doc.transcript)) {
    errors.push({ path: 'transcript', message: t('transcriptRequired') })
  }
  return errors
}
