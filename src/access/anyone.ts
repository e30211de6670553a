import type { Access } from 'payload'

/** Public read for data that has no drafts and no personal data (globals, images). */
export const anyone: Access = () => true
