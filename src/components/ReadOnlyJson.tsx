'use client'

import { FieldLabel, useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'

/**
 * A JSON value shown as plain, read-only text. Payload's own JSON field is the Monaco
 * editor, which its loader fetches from cdn.jsdelivr.net: a request to a third party
 * from every audit-log entry (and no editor at all without internet).
 */
export const ReadOnlyJson: JSONFieldClientComponent = ({ field, path }) => {
  const { value } = useField<unknown>({ path: path ?? field.name })
  const text =
    Array.isArray(value) && value.every((item) => typeof item === 'string')
      ? value.join(', ')
      : value === undefined || value === null
        ? '—'
        : JSON.stringify(value, null, 2)
  return (
    <div className="field-type read-only-json" id={`field-${field.name}`}>
      <FieldLabel label={field.label} path={path ?? field.name} />
      <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</pre>
    </div>
  )
}
