import type { RelationshipField, RelationshipFieldValidation, Where } from 'payload'
import { relationship } from 'payload/shared'

import { label } from '../../i18n/label'
import { message } from '../../i18n/messages'
import { idOf } from './hooks/breadcrumbs'

const MAX_DEPTH = 10

/**
 * Refuses a parent that is the page itself or lies below it (a cycle would make every
 * path in between endless). A filter on the choice cannot do this: the breadcrumbs are an
 * array, and "no crumb is this page" is not a query Payload's `where` can express.
 */
const notBelowItself: RelationshipFieldValidation = async (value, options) => {
  // Payload's own check first (the document exists, filterOptions: published).
  const valid = await relationship(value, options)
  if (valid !== true) return valid
  const { id, req } = options
  if (!id) return true
  let next = idOf(value)
  for (let depth = 0; next !== undefined && next !== null && depth < MAX_DEPTH; depth++) {
    if (String(next) === String(id)) return message('parentIsDescendant', req)
    const parent = await req.payload
      .findByID({ collection: 'pages', id: next, depth: 0, req, disableErrors: true })
      .catch(() => null)
    next = idOf(parent?.parent)
  }
  return true
}

/** The page a page hangs under: its path and breadcrumbs start from there. */
export const parentField: RelationshipField = {
  name: 'parent',
  type: 'relationship',
  relationTo: 'pages',
  label: label('Bovenliggende pagina', 'Parent page'),
  admin: { position: 'sidebar' },
  // Paths are built from published parents: only a published page can be chosen.
  filterOptions: ({ id }): Where =>
    id
      ? { _status: { equals: 'published' }, id: { not_equals: id } }
      : { _status: { equals: 'published' } },
  validate: notBelowItself,
}
