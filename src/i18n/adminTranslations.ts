/**
 * Payload's own admin strings where its Dutch is English, technical or misleading
 * (issue 9). Merged over @payloadcms/translations' `nl` by the config's
 * `i18n.translations`; every other string stays Payload's.
 */
export const adminTranslations = {
  nl: {
    general: {
      dashboard: 'Overzicht',
      upcomingEvents: 'Geplande acties',
      noUpcomingEventsScheduled: 'Er staat niets gepland.',
      // "Artikel" (an article) for an array row, e.g. "Artikel 01" in the version diff.
      item: 'Onderdeel',
    },
    fields: {
      toggleBlock: 'Blok in- of uitklappen',
    },
    error: {
      // Payload's "Ongeautoriseerd, u moet ingelogd zijn" is also what a logged-in editor
      // sees when a right is missing.
      unauthorized:
        'Dit mag u niet: u bent niet (meer) ingelogd, of uw rol geeft geen recht op deze actie. Log opnieuw in of vraag het een beheerder.',
    },
  },
}
