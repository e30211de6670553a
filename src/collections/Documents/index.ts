import type { CollectionConfig } from 'payload'

import { contentAccess } from '../../access/contentRead'
import { publishedAtField } from '../../fields/publishedAt'
import { scheduledField } from '../../fields/scheduled'
import { populatePublishedAt } from '../../hooks/populatePublishedAt'
import { basicEditor } from '../../fields/richText'
import { slugField } from '../../fields/slug'
import { auditAfterChange, auditBeforeChange } from '../../hooks/auditAfterChange'
import { auditAfterDelete } from '../../hooks/auditAfterDelete'
import { imageAltText } from '../../guardrails/imageAltText'
import { infographicTextAlternative } from '../../guardrails/infographicTextAlternative'
import { publishGuardrails } from '../../guardrails/publishGuardrails'
import { richTextImageAlt } from '../../guardrails/richTextImageAlt'
import { label } from '../../i18n/label'
import { localFolder } from '../../storage/folders'
import { checkUploadContent } from '../shared/checkUploadContent'
import { sized } from '../shared/imageSizes'
import { stripImageMetadata } from '../shared/stripImageMetadata'
import { contentVersions, draftEditComponents } from '../shared/versions'
import { downloadFields } from './downloadFields'
import { checkFileForType } from './hooks/checkFileForType'
import { keepDownloadCount } from './hooks/keepDownloadCount'
import { liveDownloadCount } from './hooks/liveDownloadCount'
import { removeDownloadStats } from './hooks/removeDownloadStats'
import { uploadFromComputer } from '../shared/uploadFromComputer'

export const Documents: CollectionConfig<'documents'> = {
  slug: 'documents',
  labels: { singular: label('Document', 'Document'), plural: label('Documenten', 'Documents') },
  access: contentAccess('documents'),
  // The file columns are selected too: the download fields are computed from them.
  defaultPopulate: {
    title: true,
    slug: true,
    type: true,
    filename: true,
    filesize: true,
    mimeType: true,
    downloadUrl: true,
    fileSizeLabel: true,
    fileTypeLabel: true,
  },
  admin: {
    components: draftEditComponents,
    useAsTitle: 'title',
    defaultColumns: ['title', 'type', '_status', 'scheduled', 'publicationDate'],
    group: label('Inhoud', 'Content'),
  },
  upload: {
    ...uploadFromComputer,
    staticDir: localFolder('documents'),
    mimeTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'],
    filesRequiredOnCreate: false,
    // An infographic image gets sizes (each also as WebP) for showing it on a page;
    // a PDF gets none. No cropping: an infographic is shown whole.
    imageSizes: [...sized('thumbnail', 400), ...sized('card', 800), ...sized('hero', 1600)],
    focalPoint: false,
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: label('Titel', 'Title') },
    {
      name: 'type',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'factsheet',
      label: label('Soort document', 'Document type'),
      options: [
        { value: 'whitepaper', label: label('Whitepaper', 'Whitepaper') },
        { value: 'factsheet', label: label('Factsheet', 'Factsheet') },
        { value: 'infographic', label: label('Infographic', 'Infographic') },
        { value: 'rapport', label: label('Rapport', 'Report') },
        { value: 'overig', label: label('Overig', 'Other') },
      ],
    },
    { name: 'description', type: 'textarea', localized: true, label: label('Omschrijving', 'Description') },
    {
      type: 'row',
      fields: [
        { name: 'publicationDate', type: 'date', label: label('Datum van uitgave', 'Publication date') },
        {
          name: 'language',
          type: 'select',
          defaultValue: 'nl',
          label: label('Taal van het document', 'Language of the document'),
          options: [
            { value: 'nl', label: label('Nederlands', 'Dutch') },
            { value: 'en', label: label('Engels', 'English') },
          ],
        },
      ],
    },
    { name: 'coverImage', type: 'upload', relationTo: 'media', label: label('Omslagafbeelding', 'Cover image') },
    {
      name: 'textAlternative',
      type: 'richText',
      localized: true,
      editor: basicEditor,
      label: label('Tekstalternatief', 'Text alternative'),
      admin: {
        description: label(
          'Verplicht voor een infographic: de volledige inhoud in tekst, voor wie de afbeelding niet kan zien.',
          'Required for an infographic: the full content as text, for people who cannot see the image.',
        ),
      },
    },
    { name: 'relatedProjects', type: 'relationship', relationTo: 'projects', hasMany: true, label: label('Gerelateerde projecten', 'Related projects') },
    slugField(),
    {
      name: 'downloadCount',
      type: 'number',
      defaultValue: 0,
      label: label('Aantal downloads', 'Download count'),
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar' },
      hooks: { afterRead: [liveDownloadCount] },
    },
    ...downloadFields,
    publishedAtField,
    scheduledField('documents'),
  ],
  hooks: {
    // Content first (a refusal must come before anything is written), then an image's clean original.
    beforeOperation: [checkUploadContent(['pdf', 'png', 'jpeg', 'webp']), stripImageMetadata()],
    beforeValidate: [
      checkFileForType,
      publishGuardrails(imageAltText(['coverImage']), richTextImageAlt(['textAlternative']), infographicTextAlternative),
    ],
    beforeChange: [populatePublishedAt, keepDownloadCount, auditBeforeChange],
    afterChange: [auditAfterChange],
    beforeDelete: [removeDownloadStats],
    afterDelete: [auditAfterDelete],
  },
  versions: contentVersions,
}
