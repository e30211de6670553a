import type { CollectionConfig, Condition } from 'payload'

import { admins, adminsField, adminsOrEditorSelf, adminsOrSelf } from '../../access/admin'
import { isEditor } from '../../access/roles'
import { auditAfterChange } from '../../hooks/auditAfterChange'
import { auditAfterDelete } from '../../hooks/auditAfterDelete'
import { auditAfterLogin } from '../../hooks/auditAfterLogin'
import { label } from '../../i18n/label'
import { intFromEnv } from '../../utilities/env'
import { rolesCreatable } from './access'
import { forgotPasswordEmail } from './forgotPassword'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

/**
 * Administrators, editors and preview frontends (roles: src/access/roles.ts).
 * Nobody reads users anonymously; users read only themselves unless admin; only
 * admins create users, delete them or change roles (also not their own). API
 * keys are enabled per user (`Authorization: users API-Key <key>`) and carry
 * exactly that user's roles.
 */
/** A field shown only to a logged-in user: not on the first-user form. */
const whenLoggedIn: Condition = (_data, _siblingData, { user }) => Boolean(user)

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  labels: { singular: label('Gebruiker', 'User'), plural: label('Gebruikers', 'Users') },
  auth: {
    maxLoginAttempts: intFromEnv('LOGIN_MAX_ATTEMPTS', 5),
    lockTime: intFromEnv('LOGIN_LOCK_MS', 10 * 60 * 1000),
    useAPIKey: true,
    tokenExpiration: intFromEnv('SESSION_SECONDS', 8 * 60 * 60),
    forgotPassword: forgotPasswordEmail,
  },
  access: {
    // The admin UI is for editors and admins; a preview account only reads over the API.
    admin: ({ req: { user } }) => isEditor(user),
    create: admins,
    delete: admins,
    read: adminsOrSelf,
    update: adminsOrEditorSelf,
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
        {
          value: 'preview',
          label: label(
            'Preview-frontend (alleen lezen, concepten)',
            'Preview frontend (read-only, drafts)',
          ),
        },
      ],
      access: { create: rolesCreatable, update: adminsField },
      admin: {
        // Not on the first-user form: the first account always becomes administrator
        // (firstUserIsAdmin), so a choice there would only mislead.
        condition: whenLoggedIn,
        description: label(
          'Beheerders beheren ook gebruikers. Redacteuren maken en publiceren inhoud. Een preview-frontend leest concepten via een API-sleutel en kan niets wijzigen.',
          'Administrators also manage users. Editors create and publish content. A preview frontend reads drafts with an API key and cannot change anything.',
        ),
      },
    },
    // Payload adds the API-key fields itself (auth.useAPIKey) and merges a field of the
    // same name into its own. Its create-first-user form renders them as a bare text box
    // and an unlabelled checkbox; with these conditions they show only to a logged-in
    // user, in the edit view's API-key section as before.
    { name: 'enableAPIKey', type: 'checkbox', admin: { condition: whenLoggedIn } },
    { name: 'apiKey', type: 'text', admin: { condition: whenLoggedIn } },
    { name: 'hasAPIKey', type: 'checkbox', virtual: true, admin: { condition: whenLoggedIn } },
  ],
  hooks: {
    beforeChange: [firstUserIsAdmin],
    afterChange: [auditAfterChange],
    afterDelete: [auditAfterDelete],
    afterLogin: [auditAfterLogin],
  },
}
