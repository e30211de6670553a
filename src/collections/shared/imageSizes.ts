import type { ImageSize } from 'payload'

/**
 * An image size made twice: in the original's format and as WebP, so a frontend can
 * offer both in `<picture>`. Never enlarged. A size with a height is cropped to that
 * shape around the image's focal point (Payload uses the focal point whenever the
 * shapes differ); `position` is the fallback when there is none.
 */
export const sized = (name: string, width: number, height?: number): ImageSize[] => [
  { name, width, height, position: 'centre', withoutEnlargement: true },
  {
    name: `${name}Webp`,
    width,
    height,
    position: 'centre',
    withoutEnlargement: true,
    formatOptions: { format: 'webp', options: { quality: 80 } },
  },
]
