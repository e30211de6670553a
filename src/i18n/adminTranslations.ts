/**
 * Payload's own admin strings where its Dutch is English, technical or misleading
 * (issue 9). Merged over @payloadcms/translations' `nl` and `en` by the config's
 * `i18n.translations`; every other string stays Payload's.
 */
export const adminTranslations = {
  nl: {
    general: {
      dashboard: 'Overzicht',
      upcomingEvents: 'Geplande acties',
    },
    fields: {
      toggleBlock: 'Blok in- of uitklappen',
    },
    error: {
      // Shown for 401s, which the admin also gets when a logged-in editor lacks a right.
      unauthorized:
        'Dit mag u niet: u bent niet (meer) ingelogd, of deze actie vraagt de rol Beheerder. Log opnieuw in of vraag het een beheerder.',
      notAllowedToPerformAction:
        'Dit mag u niet: deze actie vraagt de rol Beheerder. Vraag het een beheerder.',
    },
  },
  en: {
    error: {
      unauthorized:
        'Not allowed: you are not (or no longer) logged in, or this action needs the Administrator role. Log in again or ask an administrator.',
      notAllowedToPerformAction:
        'Not allowed: this action needs the Administrator role. Ask an administrator.',
    },
  },
}
