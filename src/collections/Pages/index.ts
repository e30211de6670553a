import type { CollectionConfig } from 'payload'

import { contentAccess } from '../../access/contentRead'
import { metaField } from '../../fields/meta'
import { publishedAtField } from '../../fields/publishedAt'
import { scheduledField } from '../../fields/scheduled'
import { readingTimeField } from '../../fields/readingTime'
import { contentEditor } from '../../fields/richText'
import { shareField } from '../../fields/share'
import { slugField } from '../../fields/slug'
import { auditAfterChange, auditBeforeChange } from '../../hooks/auditAfterChange'
import { auditAfterDelete } from '../../hooks/auditAfterDelete'
import { populatePublishedAt } from '../../hooks/populatePublishedAt'
import { imageAltText } from '../../guardrails/imageAltText'
import { publishGuardrails } from '../../guardrails/publishGuardrails'
import { richTextImageAlt } from '../../guardrails/richTextImageAlt'
import { label } from '../../i18n/label'
import { previewConfig } from '../shared/preview'
import { contentVersions, draftEditComponents } from '../shared/versions'
import { ownCrumbIsThePage, populateBreadcrumbs, resaveChildren } from './hooks/breadcrumbs'
import { pagePath } from './pagePath'
import { parentField } from './parentField'

const preview = previewConfig('pages')

export const Pages: CollectionConfig<'pages'> = {
  slug: 'pages',
  labels: { singular: label('Pagina', 'Page'), plural: label("Pagina's", 'Pages') },
  access: contentAccess('pages'),
  defaultPopulate: { title: true, slug: true, breadcrumbs: true },
  admin: {
    components: draftEditComponents,
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'scheduled', 'updatedAt'],
    group: label('Inhoud', 'Content'),
    ...preview.admin,
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      localized: true,
      label: label('Titel', 'Title'),
    },
    {
      name: 'intro',
      type: 'textarea',
      localized: true,
      label: label('Inleiding', 'Intro'),
      admin: {
        description: label(
          'Korte inleidende tekst boven de pagina.',
          'Short lead text above the page.',
        ),
      },
    },
    {
      name: 'heroImage',
      type: 'upload',
      relationTo: 'media',
      label: label('Hoofdafbeelding', 'Hero image'),
    },
    {
      name: 'content',
      type: 'richText',
      localized: true,
      editor: contentEditor,
      label: label('Inhoud', 'Content'),
    },
    metaField,
    slugField(),
    parentField,
    {
      name: 'breadcrumbs',
      type: 'array',
      // Per locale: the crumbs' titles are the pages' titles in that locale.
      localized: true,
      label: label('Kruimelpad', 'Breadcrumbs'),
      labels: { singular: label('Stap', 'Step'), plural: label('Stappen', 'Steps') },
      admin: { readOnly: true, position: 'sidebar', initCollapsed: true },
      fields: [
        { name: 'doc', type: 'relationship', relationTo: 'pages', label: label('Pagina', 'Page') },
        { name: 'url', type: 'text', label: label('Pad', 'Path') },
        { name: 'label', type: 'text', label: label('Titel', 'Title') },
      ],
    },
    readingTimeField(['title', 'intro', 'content']),
    shareField((doc) => {
      return pagePath(doc) ?? (doc.slug ? `/${doc.slug}` : undefined)
    }),
    publishedAtField,
    scheduledField('pages'),
  ],
  hooks: {
    beforeValidate: [
      publishGuardrails(imageAltText(['heroImage', 'meta.image']), richTextImageAlt(['content'])),
    ],
    beforeChange: [populatePublishedAt, populateBreadcrumbs, auditBeforeChange],
    afterChange: [auditAfterChange, resaveChildren],
    afterRead: [ownCrumbIsThePage],
    afterDelete: [auditAfterDelete],
  },
  endpoints: preview.endpoints,
  versions: contentVersions,
}
