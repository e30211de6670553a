import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import zlib from 'node:zlib'

/**
 * RFC 9457 problem details for clients that ask for them (`Accept: application/problem+json`):
 * any JSON error answer in Payload's shape `{ errors: [{ message, data: { errors: [...] } }] }`
 * — Payload's own, ours (./errors.ts) and those of other modules alike — is rewritten at
 * the edge into `{ type, title, status, detail, instance, errors }`. Other clients keep
 * Payload's shape: no frontend has to change.
 */
type PayloadError = { message?: unknown; name?: unknown; data?: { errors?: unknown } }
type FieldError = { path: string; message: string; label?: string }

const TITLES: Record<number, string> = {
  400: 'Ongeldige invoer',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  409: 'Conflict',
  413: 'Verzoek te groot',
  415: 'Mediatype niet ondersteund',
  416: 'Bereik niet beschikbaar',
  429: 'Te veel verzoeken',
  500: 'Interne serverfout',
  502: 'Fout in een achterliggende dienst',
  503: 'Dienst tijdelijk niet beschikbaar',
}

export const problemTitle = (status: number): string =>
  TITLES[status] ?? (status >= 500 ? 'Serverfout' : 'Fout in het verzoek')

/** Payload's error body as a problem; undefined when the body is not in Payload's shape. */
export const toProblem = (status: number, body: unknown, instance: string) => {
  const list = (body as { errors?: unknown } | null)?.errors
  if (!Array.isArray(list)) return undefined
  const errors = list as PayloadError[]
  const fieldErrors: FieldError[] = errors.flatMap((error) =>
    Array.isArray(error.data?.errors)
      ? (error.data.errors as Record<string, unknown>[])
          .filter((field) => typeof field?.message === 'string')
          .map((field) => ({
            path: String(field.path ?? field.field ?? ''),
            message: String(field.message),
            ...(typeof field.label === 'string' ? { label: field.label } : {}),
          }))
      : [],
  )
  const messages = errors
    .map((error) => (typeof error.message === 'string' ? error.message : ''))
    .filter(Boolean)
  return {
    type: 'about:blank',
    title: problemTitle(status),
    status,
    detail: messages.join(' ') || problemTitle(status),
    instance,
    ...(fieldErrors.length ? { errors: fieldErrors } : {}),
  }
}

export const wantsProblemJson = (accept: string | undefined): boolean =>
  Boolean(accept && /application\/problem\+json/i.test(accept))

const decode = (body: Buffer, encoding: string | undefined): Buffer => {
  if (encoding === 'br') return zlib.brotliDecompressSync(body)
  if (encoding === 'gzip') return zlib.gunzipSync(body)
  if (encoding === 'deflate') return zlib.inflateSync(body)
  return body
}

/**
 * Holds back a JSON error answer's body for a client that asked for problem+json and sends
 * it rewritten; every other answer passes through untouched (decided at the first byte).
 */
export const problemJsonResponses = (req: IncomingMessage, res: ServerResponse): void => {
  if (!wantsProblemJson(req.headers.accept)) return
  // Read now: express rewrites req.url while routing (mounted routers see their own part).
  const instance = (req.url ?? '').split('?')[0] ?? ''
  const original = { writeHead: res.writeHead, write: res.write, end: res.end }
  const chunks: Buffer[] = []
  let capture: boolean | undefined
  const restore = () => Object.assign(res, original)
  const decide = (): boolean => {
    capture ??=
      res.statusCode >= 400 &&
      /^application\/json/i.test(String(res.getHeader('content-type') ?? ''))
    if (!capture) restore()
    return capture
  }
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(
            chunk as string,
            typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
          ),
    )
  }

  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    res.statusCode = status
    if (typeof rest[0] === 'string') res.statusMessage = rest[0]
    const headers = rest.find((value) => value && typeof value === 'object') as
      OutgoingHttpHeaders | string[] | undefined
    if (Array.isArray(headers))
      for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!)
    else if (headers)
      for (const [name, value] of Object.entries(headers))
        if (value !== undefined) res.setHeader(name, value)
    if (!decide()) return original.writeHead.call(res, res.statusCode)
    return res
  } as typeof res.writeHead

  res.write = function (
    this: ServerResponse,
    chunk: unknown,
    encoding?: unknown,
    callback?: unknown,
  ) {
    if (!decide())
      return (original.write as (...args: unknown[]) => boolean).call(
        res,
        chunk,
        encoding,
        callback,
      )
    collect(chunk, encoding)
    if (typeof encoding === 'function') encoding()
    else if (typeof callback === 'function') callback()
    return true
  } as typeof res.write

  res.end = function (
    this: ServerResponse,
    chunk?: unknown,
    encoding?: unknown,
    callback?: unknown,
  ) {
    if (!decide())
      return (original.end as (...args: unknown[]) => ServerResponse).call(
        res,
        chunk,
        encoding,
        callback,
      )
    collect(chunk, encoding)
    restore()
    let body = Buffer.concat(chunks)
    try {
      const problem = toProblem(
        res.statusCode,
        JSON.parse(
          decode(body, res.getHeader('content-encoding') as string | undefined).toString('utf8'),
        ),
        instance,
      )
      if (problem) {
        body = Buffer.from(JSON.stringify(problem))
        res.removeHeader('content-encoding')
        res.removeHeader('etag')
        res.setHeader('Content-Type', 'application/problem+json; charset=utf-8')
        res.setHeader('Content-Length', String(body.length))
      }
    } catch {
      // Not JSON after all: send what the handler wrote.
    }
    const vary = String(res.getHeader('vary') ?? '')
    if (!/\baccept\b/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept` : 'Accept')
    const done = typeof encoding === 'function' ? encoding : callback
    return (original.end as (...args: unknown[]) => ServerResponse).call(
      res,
      req.method === 'HEAD' ? undefined : body,
      done,
    )
  } as typeof res.end
}
