import {
  ValidationError,
  type FlattenedField,
  type PayloadRequest,
  type StaticLabel,
} from 'payload'

type FieldError = { path: string; message: string }

/** The label of the field at a dotted path (`meta.image`, `captions.0.file`); undefined if unknown. */
export const fieldLabel = (
  fields: FlattenedField[] | undefined,
  path: string,
): StaticLabel | undefined => {
  let current = fields ?? []
  let found: FlattenedField | undefined
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment)) continue
    found = current.find((field) => field.name === segment)
    if (!found) return undefined
    current = 'flattenedFields' in found ? found.flattenedFields : []
  }
  const label = found && 'label' in found ? found.label : undefined
  return typeof label === 'string' || (typeof label === 'object' && label !== null)
    ? (label as StaticLabel)
    : undefined
}

/** What the upload field is called in the admin (it is not a configured field). */
const FILE_LABEL: StaticLabel = { nl: 'Bestand', en: 'File' }

/**
 * A refused save in the editor's language, naming each field by its label ("Het
 * volgende veld is ongeldig: Tekstalternatief"), not by its path (`textAlternative`).
 * Payload's ValidationError says "The following field is invalid" in English and lists
 * paths unless it is given the request's translator and labels.
 */
export const refusal = (
  req: PayloadRequest,
  collection: string,
  errors: FieldError[],
): ValidationError => {
  const fields =
    req.payload.collections[collection as keyof typeof req.payload.collections]?.config
      .flattenedFields
  return new ValidationError(
    {
      collection,
      errors: errors.map((error) => ({
        ...error,
        label: error.path === 'file' ? FILE_LABEL : (fieldLabel(fields, error.path) ?? error.path),
      })),
      req,
    },
    req.t,
  )
}
