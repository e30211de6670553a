/**
 * The schedule dialog's own words, Dutch first. Words Payload already translates
 * (Publiceren, Bewaar, Te publiceren taal, …) come from Payload's `t` in the components.
 */
export const scheduleWords = {
  nl: {
    when: 'Datum en tijd',
    whenHelp: 'Typ of kies dd-mm-jjjj uu:mm, Nederlandse tijd (Europe/Amsterdam).',
    placeholder: 'dd-mm-jjjj uu:mm',
    allLocales: 'Alle talen',
    pickDate: 'Kies een datum en tijd.',
    publishOn: 'Publiceren op',
    unpublishOn: 'Depubliceren op',
    cancelSchedule: 'Annuleer',
    failed: 'Het plannen is niet gelukt.',
  },
  en: {
    when: 'Date and time',
    whenHelp: 'Type or pick dd-mm-yyyy hh:mm, Amsterdam time (Europe/Amsterdam).',
    placeholder: 'dd-mm-yyyy hh:mm',
    allLocales: 'All languages',
    pickDate: 'Choose a date and time.',
    publishOn: 'Publish on',
    unpublishOn: 'Unpublish on',
    cancelSchedule: 'Cancel',
    failed: 'Scheduling failed.',
  },
} as const

export type ScheduleWords = (typeof scheduleWords)['nl' | 'en']

export const wordsFor = (language: string): ScheduleWords =>
  language === 'en' ? scheduleWords.en : scheduleWords.nl
