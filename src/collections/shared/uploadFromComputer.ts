import type { UploadConfig } from 'payload'

/**
 * Upload settings every upload collection shares. No "URL plakken": pasting a link makes
 * the editor's browser fetch another host (which the admin never contacts, issue 9) and,
 * when that fails, shows Payload's untranslatable "Failed to fetch the file."; fetching
 * it on the server instead would let editors make the server call any address.
 * Editors upload files from their own computer.
 */
export const uploadFromComputer: Pick<UploadConfig, 'pasteURL'> = { pasteURL: false }
