/**
 * Real files for upload and delivery tests, made in the test: a multi-page PDF,
 * photos with EXIF orientation and GPS tags, and files that lie about what they are.
 */
import http from 'node:http'

import sharp from 'sharp'

/** A valid PDF with one page per entry of `pages`, each showing its text. */
export const makePdf = (pages: string[]): Buffer => {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '']
  const kids: string[] = []
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>') // 3
  pages.forEach((text) => {
    const content = `BT /F1 24 Tf 72 720 Td (${text.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`
    objects.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`)
    const contentRef = objects.length
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentRef} 0 R >>`)
    kids.push(`${objects.length} 0 R`)
  })
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'))
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(pdf, 'latin1')
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

const GPS_EXIF = {
  IFD0: { Make: 'TestCamera', Model: 'GPS-1' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 5/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 18/1 0/1' },
}

/**
 * A photo as a phone makes it: stored 1600×800 (left half red, right half blue) with
 * EXIF orientation 6 (show it turned 90° clockwise, so upright it is 800×1600) and
 * the GPS position where it was taken.
 */
export const makePhoto = async (format: 'jpeg' | 'png'): Promise<Buffer> => {
  const half = (r: number, b: number) => sharp({ create: { width: 800, height: 800, channels: 3, background: { r, g: 0, b } } }).png().toBuffer()
  const image = sharp({ create: { width: 1600, height: 800, channels: 3, background: '#000' } }).composite([
    { input: await half(255, 0), left: 0, top: 0 },
    { input: await half(0, 255), left: 800, top: 0 },
  ])
  const encoded = await (format === 'jpeg' ? image.jpeg({ quality: 90 }) : image.png()).toBuffer()
  return sharp(encoded).withExif(GPS_EXIF).withMetadata({ orientation: 6 }).toFormat(format).toBuffer()
}

/** Whether image bytes carry EXIF at all, and a GPS block (IFD pointer tag 0x8825) in it. */
export const exifOf = async (bytes: Buffer): Promise<{ exif: boolean; gps: boolean; orientation?: number }> => {
  const meta = await sharp(bytes).metadata()
  const exif = meta.exif
  const gps = Boolean(exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))))
  return { exif: Boolean(exif), gps, orientation: meta.orientation }
}

/** The start of a Linux executable (ELF header) and some bytes: not a PDF, whatever its name. */
export const makeElf = (): Buffer =>
  Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(2040, 0x90)])

export const HTML_PAGE = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n')

export const SVG_WITH_SCRIPT = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>\n')

/**
 * A GET with node:http, for conditional requests: fetch() adds `Cache-Control: no-cache`
 * to them, which makes a server answer 200.
 */
export const rawGet = (
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
  new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
