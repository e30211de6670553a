import type { CollectionConfig } from 'payload'

import { admins } from '../../access/admin'
import { isAdmin } from '../../access/roles'
import { label } from '../../i18n/label'

const nobody = () => false

/**
 * Who created, changed, published, unpublished or deleted what, and when.
 * Entries are written only by the shared audit hooks (src/hooks/audit*.ts) with
 * overrideAccess; through the API the log can be read by administrators and never written.
 */
export const AuditLog: CollectionConfig<'auditLog'> = {
  slug: 'auditLog',
  labels: { singular: label('Logregel', 'Audit entry'), plural: label('Logboek', 'Audit log') },
  access: {
    read: admins,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  defaultSort: '-at',
  admin: {
    group: label('Beheer', 'Administration'),
    useAsTitle: 'title',
    defaultColumns: ['at', 'action', 'collection', 'title', 'userEmail'],
    hidden: ({ user }) => !isAdmin(user),
    description: label(
      'Wie wanneer inlogde en wat heeft aangemaakt, gewijzigd, gepubliceerd, gedepubliceerd of verwijderd. Alleen-lezen.',
      'Who logged in when, and who created, changed, published, unpublished or deleted what. Read-only.',
    ),
  },
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      label: label('Actie', 'Action'),
      options: [
        { value: 'create', label: label('Aangemaakt', 'Created') },
        { value: 'update', label: label('Gewijzigd', 'Updated') },
        { value: 'publish', label: label('Gepubliceerd', 'Published') },
        { value: 'unpublish', label: label('Gedepubliceerd', 'Unpublished') },
        { value: 'delete', label: label('Verwijderd', 'Deleted') },
        { value: 'login', label: label('Ingelogd', 'Logged in') },
      ],
    },
    {
      name: 'collection',
      type: 'text',
      required: true,
      index: true,
      label: label('Collectie of instelling', 'Collection or global'),
      // The slug is stored (stable across renames); the list shows its name ("Pagina's").
      admin: { components: { Cell: '/components/AuditCells#AuditCollectionCell' } },
    },
    { name: 'docId', type: 'text', index: true, label: label('Document-ID', 'Document ID') },
    {
      name: 'title',
      type: 'text',
      label: label('Titel (op dat moment)', 'Title (at the time)'),
      // In the list: a link to the document itself (not for deletions and logins).
      admin: { components: { Cell: '/components/AuditCells#AuditDocumentCell' } },
    },
    { name: 'user', type: 'relationship', relationTo: 'users', label: label('Gebruiker', 'User') },
    { name: 'userEmail', type: 'text', label: label('E-mail van de gebruiker (op dat moment)', 'User e-mail (at the time)') },
    { name: 'at', type: 'date', required: true, index: true, label: label('Tijdstip', 'Time'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'changedFields',
      type: 'json',
      label: label('Gewijzigde velden', 'Changed fields'),
      admin: {
        description: label('Namen van de velden die veranderd zijn, zonder inhoud.', 'Names of the fields that changed, without their content.'),
        // Plain text instead of Payload's Monaco editor, which loads from a CDN.
        components: { Field: '/components/ReadOnlyJson#ReadOnlyJson' },
      },
    },
  ],
}
