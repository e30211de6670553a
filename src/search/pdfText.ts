import fs from 'node:fs/promises'
import type { Readable } from 'node:stream'

import type { PayloadRequest } from 'payload'

/**
 * The text inside a PDF (unpdf: Mozilla's PDF.js for servers), for search. A PDF
 * without a text layer (a scan) or one PDF.js cannot read gives '' — the upload
 * itself is never refused for it. Long texts are cut: the index needs words, not books.
 */
const MAX_CHARS = 200_000

export const pdfText = async (bytes: Uint8Array): Promise<string> => {
  try {
    const { extractText, getDocumentProxy } = await import('unpdf')
    const pdf = await getDocumentProxy(new Uint8Array(bytes))
    const { text } = await extractText(pdf, { mergePages: true })
    return text.replace(/\s+/g, ' ').trim().slice(0, MAX_CHARS)
  } catch {
    return ''
  }
}

/** The bytes of the file uploaded with this request, when it is a PDF. */
export const uploadedPdf = async (req: PayloadRequest): Promise<Buffer | undefined> => {
  const file = req.file
  if (!file || file.mimetype !== 'application/pdf') return undefined
  if (file.data?.length) return file.data
  if (file.tempFilePath) return fs.readFile(file.tempFilePath)
  return undefined
}

export const streamToBuffer = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
  return Buffer.concat(chunks)
}
