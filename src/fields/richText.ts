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
    UploadFeature({ collections: { media: { fields: [] } } }),
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
