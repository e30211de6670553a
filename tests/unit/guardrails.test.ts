import { describe, expect, it } from '@jest/globals'

import { animationCaptionsAndTranscript } from '../../src/guardrails/animationCaptionsAndTranscript'
import { animationVideoSource } from '../../src/guardrails/animationVideoSource'
import { imageAltText } from '../../src/guardrails/imageAltText'
import { infographicTextAlternative } from '../../src/guardrails/infographicTextAlternative'
import { richTextImageAlt } from '../../src/guardrails/richTextImageAlt'
import type { GuardrailContext, MediaFacts } from '../../src/guardrails/types'
import { message, messages } from '../../src/i18n/messages'
import { paragraph, richText } from '../../src/seed/lexical'
import { imageNode } from '../helpers/upload'

/** Guardrails get their media from a lookup; here it is a plain table instead of the database. */
const context = (media: Record<string, MediaFacts> = {}, language: 'nl' | 'en' = 'nl'): GuardrailContext => ({
  t: (key, values) => message(key, { i18n: { language } as never }, values),
  findMedia: async (ids) => new Map(ids.map(String).filter((id) => id in media).map((id) => [id, media[id]])),
})

const media = {
  '1': { alt: null, filename: 'zonder-alt.png' },
  '2': { alt: 'Een grafiek', filename: 'met-alt.png' },
  '3': { alt: '   ', filename: 'spaties.png' },
}

describe('imageAltText', () => {
  const rule = imageAltText(['heroImage', 'meta.image'])

  it('reports each upload field whose image has no alt text, with the filename', async () => {
    expect(await rule({ heroImage: 1, meta: { image: 3 } }, context(media))).toEqual([
      { path: 'heroImage', message: message('imageAltMissing', undefined, { filenames: 'zonder-alt.png' }) },
      { path: 'meta.image', message: message('imageAltMissing', undefined, { filenames: 'spaties.png' }) },
    ])
  })

  it('accepts images with alt text, populated relations and empty fields', async () => {
    expect(await rule({ heroImage: { id: 2, alt: 'stale' }, meta: { image: null } }, context(media))).toEqual([])
    expect(await rule({}, context(media))).toEqual([])
  })

  it('speaks English when asked', async () => {
    const [error] = await rule({ heroImage: 1 }, context(media, 'en'))
    expect(error.message).toBe('The image zonder-alt.png has no alt text. Fill it in under Images before publishing.')
  })
})

describe('richTextImageAlt', () => {
  const rule = richTextImageAlt(['content', 'lessons'])

  it('points at the rich-text field and lists the images without alt text', async () => {
    const content = richText(paragraph('Tekst'), imageNode(1) as never, imageNode(2) as never, imageNode(3) as never)
    const errors = await rule({ content }, context(media))
    expect(errors).toEqual([
      { path: 'content', message: message('richTextImageAltMissing', undefined, { filenames: 'zonder-alt.png, spaties.png' }) },
    ])
  })

  it("accepts an image whose node carries its own alt, and finds images nested in other nodes", async () => {
    expect(await rule({ content: richText(imageNode(1, 'Hier beschreven') as never) }, context(media))).toEqual([])
    const nested = richText({ type: 'list', version: 1, children: [{ type: 'listitem', version: 1, children: [imageNode({ id: 1 } as never)] }] })
    expect((await rule({ lessons: nested }, context(media))).map((e) => e.path)).toEqual(['lessons'])
  })

  it('ignores uploads of other collections and text without images', async () => {
    const other = richText({ ...imageNode(1), relationTo: 'documents' } as never, paragraph('Alleen tekst'))
    expect(await rule({ content: other }, context(media))).toEqual([])
  })
})

describe('infographicTextAlternative', () => {
  it('requires readable text for an infographic only', () => {
    const missing = [{ path: 'textAlternative', message: messages.textAlternativeRequired.nl }]
    expect(infographicTextAlternative({ type: 'infographic' }, context())).toEqual(missing)
    expect(infographicTextAlternative({ type: 'infographic', textAlternative: richText(paragraph(' ')) }, context())).toEqual(missing)
    expect(infographicTextAlternative({ type: 'infographic', textAlternative: richText(paragraph('Drie lijnen')) }, context())).toEqual([])
    expect(infographicTextAlternative({ type: 'factsheet' }, context())).toEqual([])
  })
})

describe('animationCaptionsAndTranscript', () => {
  const transcript = richText(paragraph('Welkom'))
  const captions = [{ language: 'nl', vtt: 'WEBVTT\n' }]

  it('reports captions and transcript separately', () => {
    expect(animationCaptionsAndTranscript({}, context()).map((e) => e.path)).toEqual(['captions', 'transcript'])
    expect(animationCaptionsAndTranscript({ captions: [{ language: 'nl', vtt: '' }], transcript }, context()).map((e) => e.path)).toEqual([
      'captions',
    ])
    expect(animationCaptionsAndTranscript({ captions, transcript: richText() }, context()).map((e) => e.path)).toEqual(['transcript'])
    expect(animationCaptionsAndTranscript({ captions, transcript }, context())).toEqual([])
  })
})

describe('animationVideoSource', () => {
  it('wants exactly one of file and external URL', () => {
    const error = [{ path: 'externalUrl', message: messages.videoSourceRequired.nl }]
    expect(animationVideoSource({}, context())).toEqual(error)
    expect(animationVideoSource({ filename: 'a.webm', externalUrl: 'https://vimeo.com/1' }, context())).toEqual(error)
    expect(animationVideoSource({ filename: 'a.webm', externalUrl: null }, context())).toEqual([])
    expect(animationVideoSource({ externalUrl: 'https://vimeo.com/1' }, context())).toEqual([])
  })
})
