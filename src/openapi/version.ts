/**
 * The public contract's version (semver): `info.version` of generated/openapi.json and
 * the `API-Version` header on every API response (NL API Design Rules, /core/version-header).
 * Raise the minor version for additions, the major version for anything a client could break on.
 */
export const API_VERSION = '1.0.0'
