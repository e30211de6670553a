import type { FieldAccess } from 'payload'

/**
 * A project contact's personal details are for editors. The public sees them
 * only when the editor ticked "public" for that contact.
 */
export const contactVisible: FieldAccess = ({ req: { user }, siblingData }) =>
  Boolean(user) || siblingData?.public === true
