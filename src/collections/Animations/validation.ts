import type { TextFieldSingleValidation, TextareaFieldValidation } from 'payload'

import { message } from '../../i18n/messages'
import { embedUrlFor } from '../../utilities/embedUrl'

export const validateExternalUrl: TextFieldSingleValidation = (value, { req }) => {
  if (!value) return true
  return embedUrlFor(value) !== null || message('externalUrlUnsupported', req)
}

/** A WebVTT file starts with "WEBVTT" (optionally after a byte-order mark). */
export const validateWebVtt: TextareaFieldValidation = (value, { req }) => {
  if (!value) return true
  return /^\uFEFF?WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(value) || message('webvttInvalid', req)
}
