import type { CollectionConfig } from 'payload'

import { contentAccess } from '../../access/contentRead'
import { publishedAtField } from '../../fields/publishedAt'
import { scheduledField } from '../../fields/scheduled'
import { populatePublishedAt } from '../../hooks/populatePublishedAt'
import { basicEditor } from '../../fields/richText'
import { slugField } from '../../fields/slug'
import { animationCaptionsAndTranscript } from '../../guardrails/animationCaptionsAndTranscript'
import { animationVideoSource } from '../../guardrails/animationVideoSource'
import { auditAfterChange, auditBeforeChange } from '../../hooks/auditAfterChange'
import { auditAfterDelete } from '../../hooks/auditAfterDelete'
import { imageAltText } from '../../guardrails/imageAltText'
import { publishGuardrails } from '../../guardrails/publishGuardrails'
import { richTextImageAlt } from '../../guardrails/richTextImageAlt'
import { label } from '../../i18n/label'
import { localFolder } from '../../storage/folders'
import { embedUrlFor } from '../../utilities/embedUrl'
import { checkUploadContent } from '../shared/checkUploadContent'
import { contentVersions, draftEditComponents } from '../shared/versions'
import { validateExternalUrl, validateWebVtt } from './validation'
import { uploadFromComputer } from '../shared/uploadFromComputer'

/**
 * An explainer video. The uploaded video is this collection's own file, so the
 * file URL follows the same published-only read rule as the animation itself.
 */
export const Animations: CollectionConfig<'animations'> = {
  slug: 'animations',
  labels: { singular: label('Animatie', 'Animation'), plural: label('Animaties', 'Animations') },
  access: contentAccess('animations'),
  // The file columns are selected too: the virtual `video` group is computed from them.
  defaultPopulate: {
    title: true,
    slug: true,
    embedUrl: true,
    video: true,
    posterImage: true,
    durationSeconds: true,
    filename: true,
    url: true,
    mimeType: true,
    filesize: true,
  },
  admin: {
    components: draftEditComponents,
    useAsTitle: 'title',
    defaultColumns: ['title', '_status', 'scheduled', 'durationSeconds', 'updatedAt'],
    group: label('Inhoud', 'Content'),
    description: label(
      'Upload een video (MP4/WebM) óf vul een YouTube/Vimeo-link in. Ondertiteling en transcript zijn verplicht om te publiceren.',
      'Upload a video (MP4/WebM) or enter a YouTube/Vimeo link. Captions and a transcript are required to publish.',
    ),
  },
  upload: {
    ...uploadFromComputer,
    staticDir: localFolder('animations'),
    mimeTypes: ['video/mp4', 'video/webm'],
    filesRequiredOnCreate: false,
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: label('Titel', 'Title') },
    { name: 'description', type: 'textarea', localized: true, label: label('Omschrijving', 'Description') },
    { name: 'posterImage', type: 'upload', relationTo: 'media', label: label('Stilstaand beeld (poster)', 'Poster image') },
    { name: 'durationSeconds', type: 'number', min: 0, label: label('Duur (seconden)', 'Duration (seconds)') },
    {
      name: 'externalUrl',
      type: 'text',
      label: label('Externe video-URL (YouTube of Vimeo)', 'External video URL (YouTube or Vimeo)'),
      validate: validateExternalUrl,
    },
    {
      name: 'embedUrl',
      type: 'text',
      virtual: true,
      label: label('Embed-URL (privacyvriendelijk)', 'Embed URL (privacy-friendly)'),
      admin: { readOnly: true },
      hooks: { afterRead: [({ data }) => embedUrlFor(data?.externalUrl)] },
    },
    {
      name: 'video',
      type: 'group',
      virtual: true,
      label: label('Videobestand', 'Video file'),
      admin: { readOnly: true, condition: (data) => Boolean(data?.filename) },
      hooks: {
        // Never null: Payload walks a group's sub-fields after its hook and
        // crashes (500) on a null group. Without an uploaded file every part is null.
        afterRead: [
          ({ data }) => ({
            url: data?.filename ? (data.url ?? null) : null,
            filename: data?.filename ?? null,
            mimeType: data?.filename ? (data.mimeType ?? null) : null,
            filesize: data?.filename ? (data.filesize ?? null) : null,
          }),
        ],
      },
      fields: [
        { name: 'url', type: 'text' },
        { name: 'filename', type: 'text' },
        { name: 'mimeType', type: 'text' },
        { name: 'filesize', type: 'number' },
      ],
    },
    {
      name: 'captions',
      type: 'array',
      label: label('Ondertiteling (WebVTT)', 'Captions (WebVTT)'),
      labels: { singular: label('Ondertitelbestand', 'Caption track'), plural: label('Ondertitelbestanden', 'Caption tracks') },
      admin: {
        description: label(
          'Eén WebVTT-tekst per taal. Plak de inhoud van het .vtt-bestand.',
          'One WebVTT text per language. Paste the contents of the .vtt file.',
        ),
      },
      fields: [
        {
          name: 'language',
          type: 'select',
          required: true,
          defaultValue: 'nl',
          label: label('Taal', 'Language'),
          options: [
            { value: 'nl', label: label('Nederlands', 'Dutch') },
            { value: 'en', label: label('Engels', 'English') },
          ],
        },
        { name: 'vtt', type: 'textarea', required: true, label: label('WebVTT', 'WebVTT'), validate: validateWebVtt },
        {
          name: 'url',
          type: 'text',
          virtual: true,
          label: label('URL van het ondertitelbestand', 'Caption file URL'),
          admin: { readOnly: true },
          hooks: {
            afterRead: [
              ({ data, siblingData }) =>
                data?.slug && siblingData?.language ? `/captions/${data.slug}/${siblingData.language}.vtt` : null,
            ],
          },
        },
      ],
    },
    {
      name: 'transcript',
      type: 'richText',
      localized: true,
      editor: basicEditor,
      label: label('Transcript', 'Transcript'),
      admin: { description: label('De volledige tekst van de animatie.', 'The full text of the animation.') },
    },
    { name: 'relatedProjects', type: 'relationship', relationTo: 'projects', hasMany: true, label: label('Gerelateerde projecten', 'Related projects') },
    slugField(),
    publishedAtField,
    scheduledField('animations'),
  ],
  hooks: {
    beforeOperation: [checkUploadContent(['mp4', 'webm'])],
    beforeValidate: [
      publishGuardrails(
        imageAltText(['posterImage']),
        richTextImageAlt(['transcript']),
        animationCaptionsAndTranscript,
        animationVideoSource,
      ),
    ],
    beforeChange: [populatePublishedAt, auditBeforeChange],
    afterChange: [auditAfterChange],
    afterDelete: [auditAfterDelete],
  },
  versions: contentVersions,
}
