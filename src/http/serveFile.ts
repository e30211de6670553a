import type { Response } from 'express'
import fs, { type FileHandle } from 'node:fs/promises'
import path from 'node:path'

import { fileCacheSeconds } from '../utilities/env'
import { type FileType, SNIFF_BYTES, sniffFileType } from '../utilities/fileType'

const TEXT_TYPES: Record<string, string> = { '.vtt': 'text/vtt; charset=utf-8' }

/**
 * What a stored file is, from its first bytes: its type (null when it is none of the
 * accepted kinds) and the Content-Type to send. Null when the file is not there.
 */
export const storedFileType = async (
  file: string,
): Promise<{ type: FileType | null; contentType: string } | null> => {
  let handle: FileHandle
  try {
    handle = await fs.open(file, 'r')
  } catch {
    return null
  }
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0)
    const type = sniffFileType(buffer.subarray(0, bytesRead))
    return {
      type,
      contentType: type?.mime ?? TEXT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    }
  } catch {
    return null
  } finally {
    await handle.close()
  }
}

/**
 * Cache and CORS headers of a file response. Public files: any cache may keep them for
 * FILE_CACHE_SECONDS and must then revalidate (ETag / Last-Modified make that a 304),
 * and any site may use them (a `<track>` or canvas on the frontend's own origin needs
 * CORS). A response decided by who is asking (an editor, a preview token) is never stored.
 */
export const setFileCaching = (res: Response, isPublic: boolean): void => {
  if (isPublic) {
    res.setHeader('Cache-Control', `public, max-age=${fileCacheSeconds()}, must-revalidate`)
    res.setHeader('Access-Control-Allow-Origin', '*')
  } else {
    res.setHeader('Cache-Control', 'private, no-store')
  }
}

export type ServeOutcome = 'sent' | 'missing' | 'aborted'

/**
 * Sends a stored file with everything a browser, CDN or video player needs, from
 * express' `send`: Content-Length, ETag, Last-Modified, 304 on If-None-Match /
 * If-Modified-Since, Range → 206 (416 when unsatisfiable), HEAD without a body.
 Pass the Content-Type from `storedFileType` (the file's content). Resolves when the
 * response is done: 'sent' only when the whole answer went out.
 */
export const serveFile = (
  res: Response,
  options: { file: string; contentType: string; isPublic: boolean },
): Promise<ServeOutcome> => {
  const { file, contentType, isPublic } = options
  res.setHeader('Content-Type', contentType)
  setFileCaching(res, isPublic)
  return new Promise((resolve) => {
    res.sendFile(
      file,
      { dotfiles: 'deny', acceptRanges: true, etag: true, lastModified: true, cacheControl: false },
      (error) => {
        if (!error) return resolve('sent')
        if (res.headersSent) return resolve('aborted')
        const status = (error as { status?: number }).status
        if (status === 416 || status === 412) {
          // `send` set Content-Range (`bytes */<size>`) and leaves the answer to us.
          res.removeHeader('Content-Type')
          res.setHeader('Cache-Control', 'no-store')
          res.status(status).end()
          return resolve('sent')
        }
        res.removeHeader('Content-Type')
        resolve('missing')
      },
    )
  })
}
