import type { Id } from './types'

/** Reads a dotted path (`meta.image`) from a document. */
export const valueAt = (doc: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), doc)

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A relationship value is an id, or the related document when populated. */
export const relationId = (value: unknown): Id | undefined => {
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value
  if (isObject(value)) return relationId(value.id)
  return undefined
}

export const filled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== ''
