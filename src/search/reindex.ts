import type { Payload } from 'payload'

import { indexDocument, SEARCHABLE, storedPdfText } from './indexer'
import { clearIndex, ensureSearchIndex, searchSupported } from './store'

/**
 * `npm run search:reindex`: empties the index and indexes every published page,
 * project and document again (PDF text read from the stored files), printing progress.
 */
export const reindexSearch = async (
  payload: Payload,
  log: (line: string) => void = () => {},
): Promise<number> => {
  if (!searchSupported(payload))
    throw new Error('Search needs an SQL database (SQLite or Postgres)')
  await ensureSearchIndex(payload)
  await clearIndex(payload)
  let indexed = 0
  for (const collection of SEARCHABLE) {
    const { docs } = await payload.find({
      collection,
      where: { _status: { equals: 'published' } },
      depth: 0,
      pagination: false,
      limit: 0,
      overrideAccess: true,
      select: collection === 'documents' ? { filename: true, mimeType: true } : { title: true },
    })
    let done = 0
    for (const doc of docs as Record<string, any>[]) {
      const fileText = collection === 'documents' ? await storedPdfText(doc) : undefined
      if (await indexDocument(payload, collection, doc.id, { fileText })) indexed++
      done++
      if (done % 100 === 0 || done === docs.length)
        log(`search: ${collection} ${done}/${docs.length}`)
    }
  }
  log(`search: ${indexed} documents indexed`)
  return indexed
}
