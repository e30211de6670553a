import { isEditor } from '../../access/roles'

/**
 * Whether an upload may go ahead as far as access goes: Local API calls that override
 * access (seed) and editors/admins (who alone may create or update uploads). Upload
 * hooks that run before Payload's own access check use this, so a stranger gets
 * Payload's 403 rather than an opinion about their file.
 */
export const mayUpload = (args: unknown, user: unknown): boolean =>
  Boolean((args as { overrideAccess?: boolean }).overrideAccess) || isEditor(user)
