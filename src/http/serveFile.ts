import type { Request, Response } from 'express'
import fs from 'node:fs'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import fresh from 'fresh'
import parseRange from 'range-parser'

import type { ByteRange, FileStat, StoredFile } from '../storage/storedFile'
import { fileCacheSeconds } from '../utilities/env'

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

const etagMatches = (header: string, etag: string): boolean =>
  header
    .split(',')
    .map((tag) => tag.trim())
    .some(
      (tag) => tag === '*' || tag === etag || tag.replace(/^W\//, '') === etag.replace(/^W\//, ''),
    )

/** If-Match / If-Unmodified-Since (RFC 9110 §13.1.1, §13.1.4): a write-style precondition failed. */
const preconditionFailed = (req: Request, stat: FileStat): boolean => {
  const ifMatch = req.headers['if-match']
  if (ifMatch) return !ifMatch.split(',').some((tag) => ['*', stat.etag].includes(tag.trim()))
  const since = Date.parse(req.headers['if-unmodified-since'] ?? '')
  return Number.isFinite(since) && Math.floor(stat.mtime.getTime() / 1000) * 1000 > since
}

/** If-Range: a range applies only to the representation the client already has. */
const rangeStillApplies = (req: Request, stat: FileStat): boolean => {
  const ifRange = String(req.headers['if-range'] ?? '')
  if (!ifRange) return true
  if (ifRange.includes('"')) return !ifRange.startsWith('W/') && etagMatches(ifRange, stat.etag)
  const date = Date.parse(ifRange)
  return Number.isFinite(date) && Math.floor(stat.mtime.getTime() / 1000) * 1000 <= date
}

/** The one range asked for, 'unsatisfiable', or undefined for the whole file. */
const requestedRange = (req: Request, stat: FileStat): ByteRange | 'unsatisfiable' | undefined => {
  const header = req.headers.range
  if (!header || !rangeStillApplies(req, stat)) return undefined
  const ranges = parseRange(stat.size, header, { combine: true })
  if (ranges === -1) return 'unsatisfiable'
  // Malformed, another unit, or several ranges (multipart): the whole file, as `send` does.
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return undefined
  return { start: ranges[0]!.start, end: ranges[0]!.end }
}

/** A local file stream reports a missing file only once opened: wait for that. */
export const opened = async (stream: Readable): Promise<void> => {
  if (!(stream instanceof fs.ReadStream)) return
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve())
    stream.once('error', reject)
  })
}

/**
 * Sends a stored file (see src/storage/storedFile.ts: local disk or a bucket) with
 * everything a browser, CDN or video player needs: Content-Length, ETag, Last-Modified,
 * 304 on If-None-Match / If-Modified-Since, 412 on a failed If-Match /
 * If-Unmodified-Since, one Range → 206 read from the store as just that range (416 when
 * unsatisfiable), If-Range, HEAD without a body. `stat` comes from `file.stat()` (the
 * caller may have it already). Resolves when the response is done: 'sent' only when the
 * whole answer went out, 'missing' (nothing sent) when the file is gone.
 */
export const serveFile = async (
  req: Request,
  res: Response,
  options: { file: StoredFile; stat: FileStat; isPublic: boolean },
): Promise<ServeOutcome> => {
  const { file, stat, isPublic } = options
  setFileCaching(res, isPublic)
  res.setHeader('Accept-Ranges', 'bytes')
  res.setHeader('ETag', stat.etag)
  res.setHeader('Last-Modified', stat.mtime.toUTCString())

  if (preconditionFailed(req, stat)) {
    res.setHeader('Cache-Control', 'no-store')
    res.status(412).end()
    return 'sent'
  }
  if (fresh(req.headers, { etag: stat.etag, 'last-modified': stat.mtime.toUTCString() })) {
    res.status(304).end()
    return 'sent'
  }
  const range = requestedRange(req, stat)
  if (range === 'unsatisfiable') {
    res.setHeader('Content-Range', `bytes */${stat.size}`)
    res.setHeader('Cache-Control', 'no-store')
    res.status(416).end()
    return 'sent'
  }

  res.setHeader('Content-Type', stat.contentType)
  res.setHeader('Content-Length', range ? range.end - range.start + 1 : stat.size)
  if (range) {
    res.status(206)
    res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${stat.size}`)
  } else {
    res.status(200)
  }
  if (req.method === 'HEAD' || stat.size === 0) {
    res.end()
    return 'sent'
  }

  let body: Readable
  try {
    body = await file.read(range)
    await opened(body)
  } catch {
    for (const name of ['Content-Type', 'Content-Length', 'Content-Range', 'ETag', 'Last-Modified'])
      res.removeHeader(name)
    return 'missing'
  }
  try {
    await pipeline(body, res)
    return 'sent'
  } catch {
    // The client went away (or the store broke off): nothing more to send.
    body.destroy()
    return 'aborted'
  }
}
