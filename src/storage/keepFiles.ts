import fs from 'node:fs/promises'
import path from 'node:path'

import type {
  CollectionAfterChangeHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  FileData,
  PayloadRequest,
} from 'payload'

import { mediaDir } from '../utilities/env'
import { afterCommit } from './afterCommit'
import { isUploadCollection, UPLOAD_FOLDERS, type UploadCollection } from './folders'
import { removeStoredFile } from './removeFile'
import { fileStore } from './store'

/**
 * No lost files. Payload 3.90.2's update deletes a document's stored files (and image
 * sizes) as soon as a new file comes in — before validation and hooks — so a refused
 * save (a guardrail, access, the database) rolls the row back onto files that are gone.
 * And a re-sent file finds its own name taken (by the very document it replaces) and is
 * renamed `-1`. The remedy, the same for every upload collection and both stores:
 *
 * - Payload's own disk handling is off (`disableLocalStorage`; its `staticDir` points at
 *   a folder that holds nothing, so its early delete finds nothing). The cloud-storage
 *   plugin writes the new files once every hook accepted the change (S3 or ./localAdapter).
 * - The plugin's own "delete the previous files" step is disarmed; instead the replaced
 *   files are removed after the transaction committed (./afterCommit.ts), never before.
 * - A file re-sent under the document's own name overwrites it instead of being renamed,
 *   except where that would change a published file before its draft is published.
 */

type Named = Pick<FileData, 'filename'> & {
  sizes?: Record<string, { filename?: string | null } | undefined> | null
}

const storedNames = (doc: Named | undefined | null): string[] =>
  [doc?.filename, ...Object.values(doc?.sizes ?? {}).map((size) => size?.filename)].filter(
    (name): name is string => typeof name === 'string' && name !== '',
  )

/** Where Payload believes files are: never written (disableLocalStorage), so never a real file. */
export const payloadStaticDir = (collection: UploadCollection): string =>
  path.resolve(mediaDir(), '.payload-unused', UPLOAD_FOLDERS[collection])

const incomingFile = (req: Parameters<CollectionAfterChangeHook>[0]['req']) =>
  Boolean(req.file ?? (req.context?._payloadCloudStorage as { file?: unknown } | undefined)?.file)

/** Removes, after commit, the files of the previous version that the saved document no longer uses. */
export const deleteReplacedFiles =
  (collection: UploadCollection): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    if (operation !== 'update' || !previousDoc || !incomingFile(req)) return doc
    // A draft over a published document: the published version still shows the old file.
    if (doc._status === 'draft' && previousDoc._status === 'published') return doc
    const kept = new Set(storedNames(doc))
    const replaced = storedNames(previousDoc).filter((name) => !kept.has(name))
    if (replaced.length === 0) return doc
    await afterCommit(req, async () => {
      for (const name of replaced) await removeStoredFile(UPLOAD_FOLDERS[collection], name)
    })
    return doc
  }

type Incoming = NonNullable<PayloadRequest['file']>

/** Whether the stored file holds exactly the incoming file's bytes. */
const storedBytesEqual = async (folder: string, filename: string, incoming: Incoming) => {
  const file = fileStore().file(folder, filename)
  const stat = await file.stat()
  if (!stat || stat.size !== incoming.size) return false
  const bytes = incoming.data?.length
    ? incoming.data
    : incoming.tempFilePath
      ? await fs.readFile(incoming.tempFilePath)
      : Buffer.alloc(0)
  const chunks: Buffer[] = []
  for await (const chunk of await file.read())
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
  return Buffer.concat(chunks).equals(bytes)
}

/**
 * A file re-sent under the document's own name keeps that name (overwrites) instead of
 * becoming `-1` — unless that would change what the public downloads before publishing:
 * a draft of a published document that brings a different file under the same name gets
 * Payload's new name (`-1`), so the published version keeps its own bytes until the draft
 * is published.
 */
export const keepOwnFilename: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
  collection,
}) => {
  if (operation !== 'update' || !req.file?.name || !('id' in args) || args.id === undefined)
    return args
  const current = await req.payload.db.findOne<Named & { id: number | string; _status?: string }>({
    collection: collection.slug,
    where: { id: { equals: args.id } },
    req,
  })
  if (current?.filename !== req.file.name) return args
  const savesDraftOverPublished =
    current._status === 'published' &&
    (Boolean(args.draft) || (args.data as { _status?: string } | undefined)?._status === 'draft')
  const overwrite =
    !savesDraftOverPublished ||
    (isUploadCollection(collection.slug) &&
      (await storedBytesEqual(UPLOAD_FOLDERS[collection.slug], current.filename, req.file)))
  return overwrite ? { ...args, overwriteExistingFiles: true } : args
}

/** The cloud-storage plugin's afterChange hook, without its early "delete the previous files" step. */
export const withoutPluginDeletes =
  (hook: CollectionAfterChangeHook): CollectionAfterChangeHook =>
  (args) =>
    hook({ ...args, operation: 'create' })

/** Applies all of the above to an upload collection the storage plugin has already wrapped. */
export const keepFiles = (
  collection: CollectionConfig,
  slug: UploadCollection,
  pluginHookIndex: number,
  wrapPluginHook: (hook: CollectionAfterChangeHook) => CollectionAfterChangeHook = (hook) => hook,
): CollectionConfig => {
  const afterChange = [...(collection.hooks?.afterChange ?? [])]
  const pluginHook = afterChange[pluginHookIndex]
  if (!pluginHook) throw new Error(`No storage hook on ${slug}: the cloud-storage plugin changed`)
  afterChange[pluginHookIndex] = wrapPluginHook(withoutPluginDeletes(pluginHook))
  return {
    ...collection,
    upload: {
      ...(typeof collection.upload === 'object' ? collection.upload : {}),
      disableLocalStorage: true,
      staticDir: payloadStaticDir(slug),
    },
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), keepOwnFilename],
      afterChange: [...afterChange, deleteReplacedFiles(slug)],
    },
  }
}
