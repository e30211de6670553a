import {
  BlocksFeature,
  FixedToolbarFeature,
  HeadingFeature,
  lexicalEditor,
  LinkFeature,
  UploadFeature,
} from '@payloadcms/richtext-lexical'

import { AnimationBlock } from '../blocks/Animation'
import { CallToActionBlock } from '../blocks/CallToAction'
import { DocumentListBlock } from '../blocks/DocumentList'
import { KeyFiguresBlock } from '../blocks/KeyFigures'
import { ProjectListBlock } from '../blocks/ProjectList'
import { QuoteBlock } from '../blocks/Quote'
import { label } from '../i18n/label'

/** Plain formatted text: paragraphs, headings h2–h4, lists, links. */
export const basicEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => !['upload', 'relationship'].includes(feature.key)),
    HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
    LinkFeature({ enabledCollections: ['pages', 'projects', 'documents'] }),
    FixedToolbarFeature(),
  ],
})

/** Page and project body: formatted text, images and the content blocks of the site. */
export const contentEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => feature.key !== 'relationship'),
    HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
    LinkFeature({ enabledCollections: ['pages', 'projects', 'documents'] }),
    // An image in the text may carry its own alt text (e.g. for this context); otherwise the media item's alt is used.
    UploadFeature({
      collections: { media: { fields: [{ name: 'alt', type: 'text', label: label('Alternatieve tekst (hier)', 'Alt text (here)') }] } },
    }),
    BlocksFeature({
      blocks: [
        QuoteBlock,
        KeyFiguresBlock,
        DocumentListBlock,
        ProjectListBlock,
        AnimationBlock,
        CallToActionBlock,
      ],
    }),
    FixedToolbarFeature(),
  ],
})
