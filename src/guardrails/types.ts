import type { ValidationFieldError } from 'payload'

import type { MessageKey } from '../i18n/messages'

export type Id = number | string

/** What a guardrail needs to know about an image. */
export type MediaFacts = { alt?: string | null; filename?: string | null }

export type GuardrailContext = {
  /** The message in the editor's language. */
  t: (key: MessageKey, values?: Record<string, string>) => string
  /** Media by id (as string), read in the locale being published. Missing ids are absent. */
  findMedia: (ids: Id[]) => Promise<Map<string, MediaFacts>>
}

/** A rule that needs no lookups: the document alone decides. */
export type PureGuardrail = (doc: Record<string, unknown>, context: Pick<GuardrailContext, 't'>) => ValidationFieldError[]

/**
 * One publish rule: the document as it will be published in, field errors out.
 * An empty list means the rule is satisfied.
 */
export type Guardrail = (
  doc: Record<string, unknown>,
  context: GuardrailContext,
) => ValidationFieldError[] | Promise<ValidationFieldError[]>
