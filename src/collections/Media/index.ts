import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { editors } from '../../access/roles'
import { auditAfterChange } from '../../hooks/auditAfterChange'
import { auditAfterDelete } from '../../hooks/auditAfterDelete'
import { label } from '../../i18n/label'
import { localFolder } from '../../storage/folders'
import { checkUploadContent } from '../shared/checkUploadContent'
import { sized } from '../shared/imageSizes'
import { stripImageMetadata } from '../shared/stripImageMetadata'
import { uploadFromComputer } from '../shared/uploadFromComputer'

export const Media: CollectionConfig<'media'> = {
  slug: 'media',
  labels: { singular: label('Afbeelding', 'Image'), plural: label('Afbeeldingen', 'Images') },
  access: {
    create: editors,
    delete: editors,
    read: anyone,
    update: editors,
  },
  admin: { group: label('Bestanden', 'Files'), defaultColumns: ['filename', 'alt', 'updatedAt'] },
  upload: {
    ...uploadFromComputer,
    staticDir: localFolder('media'),
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif'],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    // og: the Open Graph share image, 1200×630, cropped around the focal point.
    imageSizes: [...sized('thumbnail', 400), ...sized('card', 800), ...sized('hero', 1600), ...sized('og', 1200, 630)],
  },
  hooks: {
    // Content first (a refusal must come before anything is written), then the clean original.
    beforeOperation: [checkUploadContent(['jpeg', 'png', 'webp', 'avif', 'gif']), stripImageMetadata()],
    afterChange: [auditAfterChange],
    afterDelete: [auditAfterDelete],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      // Not required at upload, so an image can be added quickly; the publish guardrails
      // (src/guardrails/) refuse to publish anything that shows it while this is empty.
      localized: true,
      label: label('Alternatieve tekst', 'Alt text'),
      admin: {
        description: label(
          'Beschrijf wat er op de afbeelding te zien is, voor wie hem niet kan zien. Mag bij het uploaden leeg blijven, maar is verplicht voordat een pagina, project, document of animatie met deze afbeelding gepubliceerd wordt.',
          'Describe what the image shows, for people who cannot see it. May stay empty at upload, but is required before a page, project, document or animation showing this image is published.',
        ),
      },
    },
    { name: 'caption', type: 'text', localized: true, label: label('Bijschrift', 'Caption') },
    { name: 'credit', type: 'text', label: label('Fotograaf / bron', 'Credit') },
  ],
}
