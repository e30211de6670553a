import type { CollectionConfig } from 'payload'

import { contentAccess } from '../../access/contentRead'
import { metaField } from '../../fields/meta'
import {
  changeLineOptions,
  partnerDomainOptions,
  projectStatusOptions,
  provinceOptions,
  sanctionPhaseOptions,
  sanctionTypeOptions,
  themeOptions,
} from '../../fields/projectOptions'
import { publishedAtField } from '../../fields/publishedAt'
import { scheduledField } from '../../fields/scheduled'
import { readingTimeField } from '../../fields/readingTime'
import { basicEditor, contentEditor } from '../../fields/richText'
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
import { contactVisible } from './access'
import { endNotBeforeStart } from './validateDates'

const preview = previewConfig('projects')

export const Projects: CollectionConfig<'projects'> = {
  slug: 'projects',
  labels: { singular: label('Project', 'Project'), plural: label('Projecten', 'Projects') },
  access: contentAccess('projects'),
  defaultPopulate: { title: true, slug: true, summary: true, changeLines: true, status: true },
  admin: {
    components: draftEditComponents,
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'changeLines', '_status', 'scheduled', 'updatedAt'],
    group: label('Inhoud', 'Content'),
    ...preview.admin,
    listSearchableFields: ['title', 'summary'],
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, index: true, label: label('Titel', 'Title') },
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      label: label('Samenvatting', 'Summary'),
      admin: { description: label('Eén of twee zinnen voor het projectoverzicht.', 'One or two sentences for the project overview.') },
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media', label: label('Hoofdafbeelding', 'Hero image') },
    {
      type: 'tabs',
      tabs: [
        {
          label: label('Inhoud', 'Content'),
          fields: [
            { name: 'content', type: 'richText', localized: true, editor: contentEditor, label: label('Beschrijving', 'Description') },
            {
              name: 'lessons',
              type: 'richText',
              localized: true,
              editor: basicEditor,
              label: label('Lessen', 'Lessons'),
              admin: { description: label('Wat werkt, wat niet, en waarom.', 'What works, what does not, and why.') },
            },
          ],
        },
        {
          label: label('Kenmerken', 'Characteristics'),
          fields: [
            { name: 'changeLines', type: 'select', hasMany: true, index: true, options: changeLineOptions, label: label('Veranderlijnen', 'Change lines') },
            { name: 'themes', type: 'select', hasMany: true, index: true, options: themeOptions, label: label("Thema's", 'Themes') },
            { name: 'sanctionPhases', type: 'select', hasMany: true, index: true, options: sanctionPhaseOptions, label: label('Fase van de sanctie', 'Sanction phase') },
            { name: 'sanctionTypes', type: 'select', hasMany: true, index: true, options: sanctionTypeOptions, label: label('Soort sanctie', 'Sanction type') },
            {
              name: 'region',
              type: 'group',
              label: label('Regio', 'Region'),
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'municipality', type: 'text', index: true, label: label('Gemeente of regio', 'Municipality or region') },
                    { name: 'province', type: 'select', index: true, options: provinceOptions, label: label('Provincie', 'Province') },
                  ],
                },
              ],
            },
            {
              type: 'row',
              fields: [
                { name: 'status', type: 'select', index: true, enumName: 'enum_projects_project_status', defaultValue: 'lopend', options: projectStatusOptions, label: label('Status', 'Status') },
                { name: 'startDate', type: 'date', index: true, label: label('Startdatum', 'Start date') },
                { name: 'endDate', type: 'date', index: true, label: label('Einddatum', 'End date'), validate: endNotBeforeStart },
              ],
            },
            {
              name: 'partners',
              type: 'array',
              label: label('Partners', 'Partners'),
              labels: { singular: label('Partner', 'Partner'), plural: label('Partners', 'Partners') },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'name', type: 'text', required: true, label: label('Organisatie', 'Organisation') },
                    { name: 'domain', type: 'select', options: partnerDomainOptions, label: label('Domein', 'Domain') },
                  ],
                },
              ],
            },
          ],
        },
        {
          label: label('Contact en relaties', 'Contact and relations'),
          fields: [
            {
              name: 'contact',
              type: 'group',
              label: label('Contactpersoon', 'Contact person'),
              admin: {
                description: label(
                  'Naam en e-mail zijn alleen openbaar als "Openbaar tonen" aan staat.',
                  'Name and e-mail are public only when "Show publicly" is on.',
                ),
              },
              fields: [
                { name: 'public', type: 'checkbox', defaultValue: false, label: label('Openbaar tonen', 'Show publicly') },
                { name: 'name', type: 'text', label: label('Naam', 'Name'), access: { read: contactVisible } },
                { name: 'organisation', type: 'text', label: label('Organisatie', 'Organisation') },
                { name: 'email', type: 'email', label: label('E-mail', 'E-mail'), access: { read: contactVisible } },
              ],
            },
            { name: 'documents', type: 'relationship', relationTo: 'documents', hasMany: true, label: label('Documenten', 'Documents') },
            { name: 'animations', type: 'relationship', relationTo: 'animations', hasMany: true, label: label('Animaties', 'Animations') },
          ],
        },
        { label: label('SEO', 'SEO'), fields: [metaField] },
      ],
    },
    slugField(),
    {
      name: 'demo',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: label('Demodata', 'Demo data'),
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: label('Gemaakt door de demo-generator, niet echt.', 'Made by the demo generator, not real.'),
      },
    },
    readingTimeField(['title', 'summary', 'content', 'lessons']),
    shareField((doc) => (doc.slug ? `/projecten/${doc.slug}` : undefined)),
    publishedAtField,
    scheduledField('projects'),
  ],
  hooks: {
    beforeValidate: [publishGuardrails(imageAltText(['heroImage', 'meta.image']), richTextImageAlt(['content', 'lessons']))],
    beforeChange: [populatePublishedAt, auditBeforeChange],
    afterChange: [auditAfterChange],
    afterDelete: [auditAfterDelete],
  },
  endpoints: preview.endpoints,
  versions: contentVersions,
}
