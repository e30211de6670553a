import fs from 'node:fs/promises'

import {
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type PayloadRequest,
} from 'payload'

import { mayUpload } from './mayUpload'
import { listInLanguage, message, requestLanguage } from '../../i18n/messages'
import { refusal } from '../../i18n/refusal'
import {
  claimedMimeType,
  FILE_TYPES,
  type FileKind,
  knownMimeType,
  looksLikeMarkup,
  SNIFF_BYTES,
  sniffFileType,
  typeFromFilename,
} from '../../utilities/fileType'

const refuse = (req: PayloadRequest, collection: string, text: string): never => {
  throw refusal(req, collection, [{ path: 'file', message: text }])
}

const leadingBytes = async (file: NonNullable<PayloadRequest['file']>): Promise<Buffer> => {
  if (file.data?.length) return file.data.subarray(0, 256)
  if (!file.tempFilePath) return Buffer.alloc(0)
  const handle = await fs.open(file.tempFilePath, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * Checks an uploaded file by its content before Payload writes anything (this runs
 * before Payload's own upload step, so a refusal leaves nothing on disk or in the
 * database): not empty, one of the collection's accepted kinds, and what its name
 * and declared type say it is. The file's MIME type (and a missing extension) is then
 * set from its content, so the stored `mimeType` and every Content-Type served later
 * are the real one.
 * Payload checks content too (file-type), but refuses in technical English; this
 * says what is wrong, in the editor's language.
 */
export const checkUploadContent =
  <T extends CollectionSlug>(accepted: FileKind[]): CollectionBeforeOperationHook<T> =>
  async ({ args, collection, operation, req }) => {
    const file = req.file
    if (!file || (operation !== 'create' && operation !== 'update')) return args
    // Not for someone who may not upload at all: Payload's access check (after this hook) answers them.
    if (!mayUpload(args, req.user)) return args
    const slug = collection.slug
    const language = requestLanguage(req)
    const acceptedLabels = listInLanguage(
      accepted.map((kind) => FILE_TYPES[kind].label),
      language,
    )

    const head = await leadingBytes(file)
    if (head.length === 0) refuse(req, slug, message('fileEmpty', req))

    const actual = sniffFileType(head.subarray(0, SNIFF_BYTES))
    if (!actual || !accepted.some((kind) => FILE_TYPES[kind].mime === actual.mime)) {
      const svg = looksLikeMarkup(head) && /<svg/i.test(head.toString('utf8'))
      if (svg) refuse(req, slug, message('svgNotAccepted', req, { accepted: acceptedLabels }))
      refuse(req, slug, message('fileTypeNotAccepted', req, { accepted: acceptedLabels }))
    }

    const byName = typeFromFilename(file.name)
    // A declared type counts only when it is one we know: browsers also send vague or
    // odd ones (application/x-download) for perfectly good files.
    const declared = knownMimeType(claimedMimeType(file.mimetype))
    const claimed =
      byName && byName.mime !== actual!.mime
        ? byName.label
        : declared && declared !== actual!.mime
          ? declared
          : null
    if (claimed)
      refuse(req, slug, message('fileTypeMismatch', req, { claimed, actual: actual!.label }))

    file.mimetype = actual!.mime
    // A name without a known extension ("scan", "rapport.v2") gets the real one, so the
    // stored file says what it is.
    if (!byName) file.name = `${file.name}.${actual!.ext}`
    return args
  }
