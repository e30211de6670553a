import sharp from 'sharp'

/**
 * Sample files for the publications the source texts name but we do not have.
 * Every one says "Voorbeeldbestand" in its content, so nobody mistakes it for the real thing.
 */

const escapePdfText = (value: string): string => value.replace(/[\\()]/g, (char) => `\\${char}`)

/** A valid one-page PDF with the given lines of text (Helvetica, ASCII). */
export const samplePdf = (lines: string[]): Buffer => {
  const content = [
    'BT',
    '/F1 20 Tf',
    '72 760 Td',
    '26 TL',
    ...lines.map((line) => `(${escapePdfText(line)}) '`),
    'ET',
  ].join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title (${escapePdfText(lines[0] ?? 'Voorbeeldbestand')}) /Producer (Koers en kansen seed) >>`,
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'))
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(pdf, 'latin1')
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

const escapeXml = (value: string): string =>
  value.replace(/[<>&"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[char] ?? char)

/** A PNG with a title and the word "Voorbeeldbestand", drawn by sharp from SVG. */
export const samplePng = async (title: string, width = 1600, height = 900): Promise<Buffer> => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#154273"/>
  <rect x="40" y="40" width="${width - 80}" height="${height - 80}" fill="none" stroke="#ffffff" stroke-width="4" stroke-dasharray="24 12"/>
  <text x="50%" y="45%" font-family="sans-serif" font-size="${Math.round(width / 20)}" fill="#ffffff" text-anchor="middle">${escapeXml(title)}</text>
  <text x="50%" y="60%" font-family="sans-serif" font-size="${Math.round(width / 32)}" fill="#ffb612" text-anchor="middle">Voorbeeldbestand</text>
</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** WebVTT captions for the sample animation. */
export const sampleCaptions = (): string =>
  [
    'WEBVTT',
    '',
    '00:00:00.000 --> 00:00:02.000',
    'Voorbeeldbestand: de echte animatie volgt.',
    '',
    '00:00:02.000 --> 00:00:04.000',
    'Koers en kansen voor de sanctie-uitvoering.',
    '',
  ].join('\n')
