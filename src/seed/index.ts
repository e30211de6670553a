import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { CollectionSlug, File, Payload } from 'payload'

import { overKoersEnKansen } from './content/overKoersEnKansen'
import { programme } from './content/programme'
import { watIsKoersEnKansen } from './content/watIsKoersEnKansen'
import { paragraph, richText } from './lexical'
import { sampleCaptions, samplePdf, samplePng } from './sampleFiles'

export { seedDemo } from './demo'

type Log = (line: string) => void
type Id = number | string

const filesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'files')

// Seeding is not an editor's action: no access checks, no scheduled-publish side effects.
const common = { overrideAccess: true, depth: 0, context: { seeding: true } } as const

const findBySlug = async (payload: Payload, collection: CollectionSlug, slug: string) => {
  const found = await payload.find({ ...common, collection, where: { slug: { equals: slug } }, limit: 1, draft: true })
  return found.docs[0] as { id: Id } | undefined
}

/** Creates the document unless one with this slug exists: running the seed twice changes nothing. */
const ensure = async (
  payload: Payload,
  log: Log,
  collection: CollectionSlug,
  slug: string,
  make: () => Promise<{ data: Record<string, unknown>; file?: File }>,
): Promise<Id> => {
  const existing = await findBySlug(payload, collection, slug)
  if (existing) {
    log(`seed: ${collection}/${slug} exists, left as it is`)
    return existing.id
  }
  const { data, file } = await make()
  const created = await payload.create({
    ...common,
    collection,
    data: { ...data, slug, _status: 'published' } as never,
    file,
  })
  log(`seed: ${collection}/${slug} created`)
  return created.id
}

const ensureImage = async (payload: Payload, log: Log, filename: string, title: string, alt: string): Promise<Id> => {
  const existing = await payload.find({ ...common, collection: 'media', where: { filename: { equals: filename } }, limit: 1 })
  if (existing.docs[0]) return existing.docs[0].id
  const data = await samplePng(title)
  const created = await payload.create({
    ...common,
    collection: 'media',
    data: { alt, caption: 'Voorbeeldbestand', credit: 'Koers en kansen (voorbeeld)' },
    file: { data, mimetype: 'image/png', name: filename, size: data.length },
  })
  log(`seed: media/${filename} created`)
  return created.id
}

const pdfFile = (name: string, lines: string[]): File => {
  const data = samplePdf(lines)
  return { data, mimetype: 'application/pdf', name, size: data.length }
}

const sampleNotice = (what: string) =>
  richText(paragraph(`Voorbeeldbestand: ${what} is nog niet aangeleverd. Vervang dit bestand en deze tekst door het echte document.`))

/** Loads the real content of the site (../shared/seed-content), with marked sample files where we have none. */
export const seed = async (payload: Payload, options: { log?: Log } = {}): Promise<void> => {
  const log = options.log ?? (() => {})
  log('seed: start')

  const image = await ensureImage(
    payload,
    log,
    'voorbeeldbestand-koers-en-kansen.png',
    'Koers en kansen',
    'Voorbeeldafbeelding met de tekst Koers en kansen',
  )

  const whitepaper = await ensure(payload, log, 'documents', 'de-toekomst-van-de-sanctie-uitvoering', async () => ({
    data: {
      title: 'De toekomst van de sanctie-uitvoering',
      type: 'whitepaper',
      description: 'Whitepaper over de drie veranderlijnen van Koers en kansen. Dit is een voorbeeldbestand.',
      language: 'nl',
      coverImage: image,
    },
    file: pdfFile('voorbeeldbestand-de-toekomst-van-de-sanctie-uitvoering.pdf', [
      'Voorbeeldbestand',
      'Whitepaper: De toekomst van de sanctie-uitvoering',
      'Koers en kansen voor de sanctie-uitvoering',
      'Het echte whitepaper is nog niet aangeleverd.',
    ]),
  }))

  const factsheet = await ensure(payload, log, 'documents', 'factsheet-koers-en-kansen', async () => ({
    data: {
      title: 'Factsheet Koers en kansen',
      type: 'factsheet',
      description: 'Snel een indruk krijgen van het programma. Dit is een voorbeeldbestand.',
      language: 'nl',
      coverImage: image,
    },
    file: pdfFile('voorbeeldbestand-factsheet-koers-en-kansen.pdf', [
      'Voorbeeldbestand',
      'Factsheet Koers en kansen voor de sanctie-uitvoering',
      'De echte factsheet is nog niet aangeleverd.',
    ]),
  }))

  const infographic = await ensure(payload, log, 'documents', 'infographic-koers-en-kansen', async () => {
    const data = await samplePng('Infographic Koers en kansen')
    return {
      data: {
        title: 'Infographic Koers en kansen',
        type: 'infographic',
        description: 'Het programma in één beeld. Dit is een voorbeeldbestand.',
        language: 'nl',
        textAlternative: sampleNotice('de infographic'),
      },
      file: { data, mimetype: 'image/png', name: 'voorbeeldbestand-infographic-koers-en-kansen.png', size: data.length },
    }
  })

  const animation = await ensure(payload, log, 'animations', 'animatie-koers-en-kansen', async () => {
    const data = fs.readFileSync(path.join(filesDir, 'voorbeeldbestand-animatie.webm'))
    return {
      data: {
        title: 'Animatie Koers en kansen',
        description: 'Korte animatie over het programma. Dit is een voorbeeldbestand.',
        posterImage: image,
        durationSeconds: 4,
        captions: [{ language: 'nl', vtt: sampleCaptions() }],
        transcript: sampleNotice('de animatie en het transcript'),
      },
      file: { data, mimetype: 'video/webm', name: 'voorbeeldbestand-animatie-koers-en-kansen.webm', size: data.length },
    }
  })

  const watIs = await ensure(payload, log, 'pages', 'wat-is-koers-en-kansen', async () => ({
    data: watIsKoersEnKansen({ animation }),
  }))
  const over = await ensure(payload, log, 'pages', 'over-koers-en-kansen', async () => ({
    data: overKoersEnKansen({ whitepaper, factsheet, infographic, animation }),
  }))

  await ensureGlobal(payload, log, 'site', (current) => Boolean(current.siteName), {
    siteName: 'Koers en kansen voor de sanctie-uitvoering',
    tagline: 'Experimenteer-, leer- en innovatieprogramma van justitie, de zorg en het sociaal domein',
    publicSiteUrl: 'https://www.sanctieuitvoering.nl',
    defaultSocialImage: image,
  })
  await ensureGlobal(payload, log, 'programme', (current) => Boolean((current.aims as unknown[])?.length), programme)
  const pageLink = (page: Id, label: string) => ({ link: { type: 'internal', page, label } })
  await ensureGlobal(payload, log, 'navigation', (current) => Boolean((current.header as unknown[])?.length), {
    header: [pageLink(watIs, 'Wat is Koers en kansen?'), pageLink(over, 'Over Koers en kansen')],
    footerColumns: [
      { heading: 'Koers en kansen', links: [pageLink(watIs, 'Wat is Koers en kansen?'), pageLink(over, 'Over Koers en kansen')] },
    ],
  })
  log('seed: done')
}

const ensureGlobal = async (
  payload: Payload,
  log: Log,
  slug: 'site' | 'programme' | 'navigation',
  isFilled: (current: Record<string, unknown>) => boolean,
  data: Record<string, unknown>,
): Promise<void> => {
  const current = (await payload.findGlobal({ ...common, slug })) as unknown as Record<string, unknown>
  if (isFilled(current)) {
    log(`seed: global ${slug} is filled, left as it is`)
    return
  }
  await payload.updateGlobal({ ...common, slug, data: data as never })
  log(`seed: global ${slug} filled`)
}
