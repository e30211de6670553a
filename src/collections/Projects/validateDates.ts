import type { DateFieldValidation } from 'payload'

import { message } from '../../i18n/messages'

/** End date may not be before start date. */
export const endNotBeforeStart: DateFieldValidation = (value, { siblingData, req }) => {
  const start = (siblingData as { startDate?: string | null })?.startDate
  if (!value || !start) return true
  return new Date(value).getTime() >= new Date(start).getTime() || message('endBeforeStart', req)
}
