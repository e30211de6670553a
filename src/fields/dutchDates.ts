import type { Config, Field, Plugin } from 'payload'

/**
 * Dates the Dutch way in the whole admin: typed and shown as dd-MM-jjjj, times on a
 * 24-hour clock, Europe/Amsterdam as the only time zone (lists, versions, the schedule
 * picker). Applied to every date field of every collection and global (nested ones
 * too), unless a field sets its own display format. Payload's date picker stores a
 * date-only value as 12:00 UTC of the chosen day, so the day survives DST changes.
 */

export const DATE_FORMAT = 'dd-MM-yyyy'
export const TIME_FORMAT = 'HH:mm'
export const DATE_TIME_FORMAT = `${DATE_FORMAT} ${TIME_FORMAT}`
export const TIMEZONE = 'Europe/Amsterdam'

type DateField = Extract<Field, { type: 'date' }>

const dutchDateField = (field: DateField): DateField => {
  const date = field.admin?.date ?? {}
  const appearance = date.pickerAppearance ?? 'dayOnly'
  const displayFormat =
    appearance === 'dayAndTime'
      ? DATE_TIME_FORMAT
      : appearance === 'timeOnly'
        ? TIME_FORMAT
        : appearance === 'monthOnly'
          ? 'MM-yyyy'
          : DATE_FORMAT
  return {
    ...field,
    admin: {
      ...field.admin,
      date: {
        ...date,
        pickerAppearance: appearance,
        displayFormat: date.displayFormat ?? displayFormat,
        ...(appearance === 'dayAndTime' || appearance === 'timeOnly'
          ? { timeFormat: (date as { timeFormat?: string }).timeFormat ?? TIME_FORMAT }
          : {}),
      } as NonNullable<DateField['admin']>['date'],
    },
  }
}

/** Walks fields, rows, groups, tabs, arrays and blocks. */
export const withDutchDates = (fields: Field[]): Field[] =>
  fields.map((field) => {
    if (field.type === 'date') return dutchDateField(field)
    if ('fields' in field && Array.isArray(field.fields))
      return { ...field, fields: withDutchDates(field.fields) } as Field
    if (field.type === 'tabs')
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: withDutchDates(tab.fields) })),
      }
    if (field.type === 'blocks')
      return {
        ...field,
        blocks: field.blocks.map((block) => ({ ...block, fields: withDutchDates(block.fields) })),
      }
    return field
  })

export const dutchDates: Plugin = (config: Config): Config => ({
  ...config,
  admin: {
    ...config.admin,
    dateFormat: DATE_TIME_FORMAT,
    timezones: {
      defaultTimezone: TIMEZONE,
      supportedTimezones: [{ label: 'Amsterdam', value: TIMEZONE }],
      ...config.admin?.timezones,
    },
  },
  blocks: config.blocks?.map((block) => ({ ...block, fields: withDutchDates(block.fields) })),
  collections: config.collections?.map((collection) => ({
    ...collection,
    fields: withDutchDates(collection.fields),
  })),
  globals: config.globals?.map((global) => ({ ...global, fields: withDutchDates(global.fields) })),
})
