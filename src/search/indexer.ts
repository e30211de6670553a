import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  Payload,
  PayloadRequest,
} from 'payload'

import { fileStore } from '../storage/store'
import { UPLOAD_FOLDERS } from '../storage/folders'
import { richTextToPlainText } from '../utilities/plainText'
import { pdfText, streamToBuffer, uploadedPdf } from './pdfText'
import { removeFromIndex, searchSupported, storedFileText, writeToIndex } from './store'

/** What is searchable: the public's published pages, projects and documents. */
export const SEARCHABLE = ['pages', 'projects', 'documents'] as const
export type Searchable = (typeof SEARCHABLE)[number]
export const isSearchable = (slug: string): slug is Searchable =>
  (SEARCHABLE as readonly string[]).includes(slug)

const LOCALES = ['nl', 'en'] as const
const PDF_TEXT = 'searchPdfText'

type Doc = Record<string, any>

/** The readable text of a document: its texts and rich text (with blocks), the infographic's text alternative. */
const bodyOf = (doc: Doc): string =>
  [
    doc.intro,
    doc.summary,
    doc.description,
    richTextToPlainText(doc.content),
    richTextToPlainText(doc.textAlternative),
    doc.meta?.description,
  ]
    .filter((part) => typeof part === 'string' && part.trim())
    .join('\n')

const urlOf = (collection: Searchable, doc: Doc): string | null =>
  collection === 'documents' ? (doc.downloadUrl ?? null) : (doc.share?.canonical ?? null)

/**
 * Brings the index in line with the published state of one document, in `req`'s
 * transaction: the published version in each locale is (re)written, anything else
 * — a draft, an unpublished or deleted document — is removed.
 */
export const indexDocument = async (
  payload: Payload,
  collection: Searchable,
  id: string | number,
  options: { req?: PayloadRequest; fileText?: string } = {},
): Promise<boolean> => {
  if (!searchSupported(payload)) return false
  const { req } = options
  const docId = String(id)
  const fileText = options.fileText ?? (await storedFileText(payload, collection, docId, req)) ?? ''
  await removeFromIndex(payload, collection, docId, req)
  let indexed = false
  // The local API sets the locale on the request it is given (createLocalReq): put the
  // change's own locale back, or later writes in this request would land in another locale.
  const saved = req ? { locale: req.locale, fallbackLocale: req.fallbackLocale } : undefined
  try {
    for (const locale of LOCALES) {
      const { docs } = await payload.find({
        collection,
        where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
        locale,
        depth: 0,
        draft: false,
        limit: 1,
        pagination: false,
        overrideAccess: true,
        req,
      })
      const doc = docs[0] as Doc | undefined
      if (!doc) continue
      indexed = true
      await writeToIndex(
        payload,
        {
          collection,
          docId,
          locale,
          slug: doc.slug ?? null,
          url: urlOf(collection, doc),
          title: String(doc.title ?? ''),
          body: bodyOf(doc),
          fileText: collection === 'documents' ? fileText : '',
          fileType: collection === 'documents' ? (doc.fileTypeLabel ?? null) : null,
          fileSize: collection === 'documents' ? (doc.filesize ?? null) : null,
        },
        req,
      )
    }
  } finally {
    if (req && saved) Object.assign(req, saved)
  }
  return indexed
}

/** A new PDF's text, read before the change is written (kept in the request's context). */
export const extractUploadedPdf: CollectionBeforeChangeHook = async ({ req, data }) => {
  const bytes = await uploadedPdf(req)
  if (bytes) req.context[PDF_TEXT] = await pdfText(bytes)
  return data
}

export const updateSearchIndex: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  if (!isSearchable(collection.slug)) return doc
  const fileText =
    typeof req.context[PDF_TEXT] === 'string' ? (req.context[PDF_TEXT] as string) : undefined
  await indexDocument(req.payload, collection.slug, doc.id, { req, fileText })
  return doc
}

export const removeFromSearchIndex: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  if (searchSupported(req.payload))
    await removeFromIndex(req.payload, collection.slug, String(id), req)
}

/** The text of a document's stored PDF (for a rebuild of the index). */
export const storedPdfText = async (doc: Doc): Promise<string> => {
  if (doc.mimeType !== 'application/pdf' || !doc.filename) return ''
  try {
    const file = fileStore().file(UPLOAD_FOLDERS.documents, doc.filename)
    if (!(await file.stat())) return ''
    return pdfText(await streamToBuffer(await file.read()))
  } catch {
    return ''
  }
}
