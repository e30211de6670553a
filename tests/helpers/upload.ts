import sharp from 'sharp'

import { request, type ApiResponse } from './api'

/** A real PNG, small and distinct per call (the colour varies with the seed). */
export const makePng = (seed = 0): Promise<Buffer> =>
  sharp({ create: { width: 32, height: 24, channels: 3, background: { r: (seed * 47) % 256, g: 120, b: 200 } } })
    .png()
    .toBuffer()

/** Uploads a file the way the admin does: multipart with the other fields as `_payload` JSON. */
export const upload = (
  baseUrl: string,
  collection: string,
  file: { data: Buffer; name: string; type: string } | null,
  data: Record<string, unknown>,
  token: string,
  query = '',
): Promise<ApiResponse> => {
  const form = new FormData()
  if (file) form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
  form.append('_payload', JSON.stringify(data))
  return request(baseUrl, `/api/${collection}${query}`, { method: 'POST', body: form, token })
}

/** A Lexical upload node as the admin stores it when an image is placed in rich text. */
export const imageNode = (mediaId: number | string, alt?: string) => ({
  type: 'upload',
  version: 3,
  format: '',
  id: `img${String(mediaId)}${alt ? 'a' : ''}`,
  fields: alt ? { alt } : {},
  relationTo: 'media',
  value: mediaId,
})
