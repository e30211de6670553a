import type { CollectionConfig } from 'payload'

import { admins, adminsField, adminsOrSelf } from '../../access/admin'
import { auditAfterChange } from '../../hooks/auditAfterChange'
import { auditAfterDelete } from '../../hooks/auditAfterDelete'
import { label } from '../../i18n/label'
import { intFromEnv } from '../../utilities/env'
import { rolesCreatable } from './access'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

/**
 * Editors and administrators. Nobody reads users anonymously; only admins
 * create users, delete them or change roles.
 */
export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  labels: { singular: label('Gebruiker', 'User'), plural: label('Gebruikers', 'Users') },
  auth: {
    maxLoginAttempts: intFromEnv('LOGIN_MAX_ATTEMPTS', 5),
    lockTime: intFromEnv('LOGIN_LOCK_MS', 10 * 60 * 1000),
    useAPIKey: true,
    tokenExpiration: intFromEnv('SESSION_SECONDS', 8 * 60 * 60),
  },
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: admins,
    delete: admins,
    read: adminsOrSelf,
    update: adminsOrSelf,
    unlock: admins,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: label('Beheer', 'Administration'),
  },
  fields: [
    { name: 'name', type: 'text', label: label('Naam', 'Name') },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      label: label('Rollen', 'Roles'),
      options: [
        { value: 'admin', label: label('Beheerder', 'Administrator') },
        { value: 'editor', label: label('Redacteur', 'Editor') },
      ],
      access: { create: rolesCreatable, update: adminsField },
      admin: {
        description: label(
          'Beheerders beheren ook gebruikers. Redacteuren maken en publiceren inhoud.',
          'Administrators also manage users. Editors create and publish content.',
        ),
      },
    },
  ],
  hooks: { beforeChange: [firstUserIsAdmin], afterChange: [auditAfterChange], afterDelete: [auditAfterDelete] },
}
