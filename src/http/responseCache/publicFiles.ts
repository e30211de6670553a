import type { Readable } from 'node:stream'

import type { DependencySet } from '../../contentVersion/dependencies'
import type { VersionSnapshot } from '../../contentVersion/snapshot'

/**
 * A public file as its route answered the public (src/http/publicFiles.ts), made once
 * per file URL and content version: the route's exact headers, the validators a
 * revalidation is compared with, and the bytes themselves when the file is small.
 */
export type PublicFile = {
  /** A 200's headers (GET and HEAD) as the route set them, without the security headers. */
  headers: Record<string, string>
  /** A 304's: the same without Content-Type and Content-Length (as the routes send it). */
  notModified: Record<string, string>
  /** What `fresh` compares If-None-Match / If-Modified-Since with. */
  validators: { etag?: string; 'last-modified'?: string }
  /** The whole file when it is small (FILE_MEMORY_MAX_KB); otherwise read per request. */
  body?: Buffer
  read: () => Promise<Readable>
  /** After each complete anonymous GET (download counting, batched as on the route). */
  delivered?: () => void
  /** Memory it takes, for FILE_MEMORY_MAX_MB. */
  bytes: number
  /** The header objects merged with each set of security headers, made on first use. */
  merged?: Map<object, { ok: Record<string, string>; notModified: Record<string, string> }>
}

/**
 * The response cache's second store, for public files: the same versions, the same
 * dependency fingerprints and the same rule (valid only while the scopes it depends on
 * are unchanged), its own memory budget.
 */
export type PublicFiles = {
  /** The committed versions for this request, as the cache reads them; undefined: unknown. */
  snapshot: () => Promise<VersionSnapshot | undefined>
  /** The file for `key` if it is known to be public under the committed versions. */
  get: (key: string) => Promise<PublicFile | undefined>
  /** Keeps `file`, learned under `snapshot`, unless a change has committed since. */
  set: (
    key: string,
    dependsOn: DependencySet | readonly string[],
    snapshot: VersionSnapshot,
    file: PublicFile,
  ) => void
  /** Files up to this size are held in memory. */
  maxFileBytes: number
  /** Memory the held files take now (tests, diagnostics). */
  heldBytes: () => number
}
