import type { GlobalConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { editors } from '../../access/roles'
import { auditGlobalAfterChange } from '../../hooks/auditGlobalAfterChange'
import { label } from '../../i18n/label'

export const Site: GlobalConfig<'site'> = {
  slug: 'site',
  label: label('Site-instellingen', 'Site settings'),
  access: { read: anyone, update: editors },
  admin: { group: label('Instellingen', 'Settings') },
  hooks: { afterChange: [auditGlobalAfterChange] },
  fields: [
    { name: 'siteName', type: 'text', required: true, localized: true, label: label('Naam van de site', 'Site name') },
    { name: 'tagline', type: 'text', localized: true, label: label('Ondertitel', 'Tagline') },
    {
      name: 'publicSiteUrl',
      type: 'text',
      label: label('Publieke URL van de website', 'Public URL of the website'),
      admin: {
        description: label(
          'Basis voor canonieke en deel-links, bv. https://www.sanctieuitvoering.nl. Als de beheerder van de server een adres heeft ingesteld, geldt dat adres.',
          'Base for canonical and share links, e.g. https://www.sanctieuitvoering.nl. An address set by the server administrator takes precedence.',
        ),
      },
    },
    { name: 'contactEmail', type: 'email', label: label('Contact e-mail', 'Contact e-mail') },
    { name: 'defaultSocialImage', type: 'upload', relationTo: 'media', label: label('Standaard deelafbeelding', 'Default share image') },
    {
      name: 'socialProfiles',
      type: 'array',
      label: label('Social-mediaprofielen', 'Social media profiles'),
      labels: { singular: label('Social-mediaprofiel', 'Social media profile'), plural: label('Social-mediaprofielen', 'Social media profiles') },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'platform',
              type: 'select',
              required: true,
              label: label('Platform', 'Platform'),
              options: ['linkedin', 'x', 'facebook', 'instagram', 'youtube', 'vimeo', 'mastodon', 'bluesky'].map((value) => ({
                value,
                label: value,
              })),
            },
            { name: 'url', type: 'text', required: true, label: label('URL', 'URL') },
          ],
        },
      ],
    },
  ],
}
