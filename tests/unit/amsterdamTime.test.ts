import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'

import { amsterdamInstantOf, formatAmsterdam } from '../../src/utilities/amsterdamTime'

/**
 * The schedule dialog's time arithmetic (src/utilities/amsterdamTime.ts): what an editor
 * types is Amsterdam wall-clock time, whatever the zone this process runs in. Jest runs
 * in the host's zone; the picked Date is built from wall-clock fields, as the date picker
 * builds it in the browser.
 */
const picked = (year: number, month: number, day: number, hour: number, minute: number) =>
  new Date(year, month - 1, day, hour, minute)

describe('Amsterdam time', () => {
  it('reads typed times as Amsterdam time, in winter and in summer', () => {
    expect(amsterdamInstantOf(picked(2027, 3, 1, 10, 0)).toISOString()).toBe(
      '2027-03-01T09:00:00.000Z',
    )
    expect(amsterdamInstantOf(picked(2027, 9, 1, 18, 30)).toISOString()).toBe(
      '2027-09-01T16:30:00.000Z',
    )
    // The nights the clocks change (28 March and 31 October 2027); 02:30 on 28 March does
    // not exist and becomes 03:30, as in JavaScript's own Date.
    expect(amsterdamInstantOf(picked(2027, 3, 28, 1, 30)).toISOString()).toBe(
      '2027-03-28T00:30:00.000Z',
    )
    expect(formatAmsterdam(amsterdamInstantOf(picked(2027, 3, 28, 2, 30)))).toBe('28-03-2027 03:30')
    expect(amsterdamInstantOf(picked(2027, 3, 28, 3, 30)).toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    )
    expect(amsterdamInstantOf(picked(2027, 10, 31, 4, 0)).toISOString()).toBe(
      '2027-10-31T03:00:00.000Z',
    )
  })

  it('formats instants as dd-MM-yyyy HH:mm in Amsterdam', () => {
    expect(formatAmsterdam(new Date('2027-03-01T09:00:00Z'))).toBe('01-03-2027 10:00')
    expect(formatAmsterdam(new Date('2027-09-01T16:30:00Z'))).toBe('01-09-2027 18:30')
    expect(formatAmsterdam(new Date('2027-12-31T23:59:00Z'))).toBe('01-01-2028 00:59')
  })

  it('shows a typed time back unchanged, for any existing minute (fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2026, max: 2035 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (year, month, day, hour, minute) => {
          const date = picked(year, month, day, hour, minute)
          // Only wall-clock times this process's own zone can hold (a browser cannot pick others).
          fc.pre(date.getHours() === hour && date.getDate() === day)
          const pad = (n: number) => String(n).padStart(2, '0')
          const typed = `${pad(day)}-${pad(month)}-${year} ${pad(hour)}:${pad(minute)}`
          const shown = formatAmsterdam(amsterdamInstantOf(picked(year, month, day, hour, minute)))
          // 02:xx on the last Sunday of March does not exist in Amsterdam: it becomes 03:xx.
          const skipped =
            month === 3 &&
            hour === 2 &&
            day > 24 &&
            new Date(Date.UTC(year, 2, day)).getUTCDay() === 0
          if (skipped) expect(shown).toBe(typed.replace(/ 02:/, ' 03:'))
          else expect(shown).toBe(typed)
        },
      ),
      { seed: 20261202, numRuns: 2000 },
    )
  })
})
