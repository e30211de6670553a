import type { Access } from 'payload'

/** Internal data that only the server itself reads and writes (overrideAccess / db calls). */
export const nobody: Access = () => false
