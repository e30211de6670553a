import type { CollectionBeforeValidateHook } from 'payload'

import { message } from '../../../i18n/messages'
import { refusal } from '../../../i18n/refusal'

const PDF_ONLY = new Set(['whitepaper', 'factsheet', 'rapport'])

/**
 * Payload already checked the file's real content against the allowed MIME types;
 * here the type of publication narrows it further: only infographics may be images.
 */
export const checkFileForType: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  const type = data?.type ?? originalDoc?.type
  const mimeType = req.file?.mimetype ?? data?.mimeType ?? originalDoc?.mimeType
  if (PDF_ONLY.has(type) && mimeType && mimeType !== 'application/pdf') {
    throw refusal(req, 'documents', [{ path: 'file', message: message('pdfRequired', req) }])
  }
  return data
}
