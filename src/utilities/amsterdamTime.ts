import { TZDate } from '@date-fns/tz'

/**
 * The admin's one time zone (src/fields/dutchDates.ts): every time an editor reads or
 * types is Amsterdam time, whatever the time zone of the server or the browser.
 * Shared by server hooks and admin components, so it imports nothing from Payload.
 */
export const ADMIN_TIMEZONE = 'Europe/Amsterdam'

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ADMIN_TIMEZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** "01-03-2026 10:00": an instant as Amsterdam wall-clock time. */
export const formatAmsterdam = (at: Date): string => {
  const parts = Object.fromEntries(PARTS.formatToParts(at).map((part) => [part.type, part.value]))
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`
}

/**
 * The instant at which Amsterdam's clock shows the wall-clock time `picked` shows in the
 * browser. A date picker works in the browser's own zone; an editor abroad who picks
 * 10:00 means 10:00 in Amsterdam, as the admin says everywhere.
 */
export const amsterdamInstantOf = (picked: Date): Date => {
  const instant = new TZDate(
    picked.getFullYear(),
    picked.getMonth(),
    picked.getDate(),
    picked.getHours(),
    picked.getMinutes(),
    ADMIN_TIMEZONE,
  ).getTime()
  // 02:xx on the night the clocks go forward does not exist. JavaScript's own Date, and so
  // the picker in a Dutch browser, moves it forward to 03:xx; TZDate lands on 01:xx or 03:xx
  // depending on the host's own zone. Always forward, then.
  const shownHour = Number(formatAmsterdam(new Date(instant)).slice(11, 13))
  return new Date(shownHour === picked.getHours() - 1 ? instant + 60 * 60 * 1000 : instant)
}
