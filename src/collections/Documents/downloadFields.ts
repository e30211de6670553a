import type { Field } from 'payload'

import { label } from '../../i18n/label'
import { humanFileSize } from '../../utilities/fileSize'
import { labelForMimeType } from '../../utilities/fileType'
import { richTextToPlainText } from '../../utilities/plainText'

/**
 * Read-only fields computed on read from the document's own columns (no queries), so a
 * frontend can write "Download factsheet (PDF, 1,2 MB)" straight from the API record:
 * `downloadUrl`, `filesize` (Payload's, bytes), `fileSizeLabel` and `fileTypeLabel`.
 */
export const downloadFields: Field[] = [
  {
    name: 'downloadUrl',
    type: 'text',
    virtual: true,
    label: label('Download-URL', 'Download URL'),
    admin: {
      readOnly: true,
      position: 'sidebar',
      description: label(
        'Voeg ?inline=1 toe om het bestand in de browser te tonen.',
        'Add ?inline=1 to show the file in the browser.',
      ),
    },
    hooks: {
      afterRead: [
        ({ data, req }) =>
          data?.slug && data?.filename
            ? `${req.payload.config.serverURL ?? ''}/downloads/${data.slug}`
            : null,
      ],
    },
  },
  {
    name: 'fileSizeLabel',
    type: 'text',
    virtual: true,
    label: label('Bestandsgrootte', 'File size'),
    admin: {
      readOnly: true,
      position: 'sidebar',
      description: label('Bijvoorbeeld "1,2 MB".', 'For example "1.2 MB".'),
    },
    hooks: {
      afterRead: [
        ({ data, req }) =>
          data?.filename ? humanFileSize(data.filesize, req.locale ?? 'nl') : null,
      ],
    },
  },
  {
    name: 'fileTypeLabel',
    type: 'text',
    virtual: true,
    label: label('Bestandstype', 'File type'),
    admin: {
      readOnly: true,
      position: 'sidebar',
      description: label('Bijvoorbeeld "PDF".', 'For example "PDF".'),
    },
    hooks: { afterRead: [({ data }) => (data?.filename ? labelForMimeType(data.mimeType) : null)] },
  },
  {
    name: 'textAlternativePlain',
    type: 'textarea',
    virtual: true,
    label: label('Tekstalternatief (platte tekst)', 'Text alternative (plain text)'),
    admin: { hidden: true },
    hooks: {
      afterRead: [
        ({ data }) =>
          data?.textAlternative
            ? richTextToPlainText(data.textAlternative).replace(/\s+/g, ' ').trim() || null
            : null,
      ],
    },
  },
]
