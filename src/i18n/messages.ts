import type { PayloadRequest } from 'payload'

import type { Bilingual } from './label'

/**
 * Validation and error messages shown in the admin and returned by the API.
 * Dutch is the default; English is used when the request's admin language is `en`.
 */
export const messages = {
  notFound: {
    nl: 'Niet gevonden.',
    en: 'Not found.',
  },
  serverError: {
    nl: 'Er ging iets mis.',
    en: 'Something went wrong.',
  },
  requestBodyTooLarge: {
    nl: 'De aanvraag is te groot.',
    en: 'The request is too large.',
  },
  requestInvalid: {
    nl: 'De aanvraag kon niet worden gelezen.',
    en: 'The request could not be read.',
  },
  databaseUnavailable: {
    nl: 'De database is even niet bereikbaar. Probeer het over een paar seconden opnieuw.',
    en: 'The database is unavailable for a moment. Try again in a few seconds.',
  },
  tooManyRequests: {
    nl: 'Te veel pogingen of aanvragen. Wacht even en probeer het dan opnieuw.',
    en: 'Too many attempts or requests. Wait a moment and try again.',
  },
  loginFailed: {
    nl: 'Inloggen is niet gelukt: het e-mailadres of wachtwoord is onjuist, of het account is tijdelijk vergrendeld.',
    en: 'Login failed: the e-mail address or password is incorrect, or the account is temporarily locked.',
  },
  queryInvalid: {
    nl: 'De zoekopdracht is ongeldig: controleer where (velden, operatoren en waarden), page, limit en depth.',
    en: 'The query is invalid: check where (fields, operators and values), page, limit and depth.',
  },
  persistedQueryNotFound: {
    nl: 'PersistedQueryNotFound: deze opgeslagen query is onbekend; stuur de query opnieuw mee met zijn hash.',
    en: 'PersistedQueryNotFound: this persisted query is unknown; send the query again with its hash.',
  },
  persistedQueryMismatch: {
    nl: 'De sha256Hash hoort niet bij deze query.',
    en: 'The sha256Hash does not match this query.',
  },
  graphqlTooDeep: {
    nl: 'Deze GraphQL-query is te diep genest ({depth} niveaus; maximaal {maxDepth}). Vraag minder geneste velden op of splits de query.',
    en: 'This GraphQL query is nested too deeply ({depth} levels; at most {maxDepth}). Ask for fewer nested fields or split the query.',
  },
  graphqlFragmentCycle: {
    nl: 'Fragment "{name}" verwijst (via andere fragmenten) naar zichzelf. Dat kan nooit eindigen.',
    en: 'Fragment "{name}" spreads itself (through other fragments). That can never end.',
  },
  graphqlTooExpensive: {
    nl: 'Deze GraphQL-query is te duur ({cost} punten; maximaal {maxCost}). Vraag minder documenten of aliassen tegelijk op, of splits de query.',
    en: 'This GraphQL query is too expensive ({cost} points; at most {maxCost}). Ask for fewer documents or aliases at once, or split the query.',
  },
  graphqlTooLong: {
    nl: 'Deze GraphQL-query is te lang (meer dan {maxTokens} onderdelen).',
    en: 'This GraphQL query is too long (more than {maxTokens} tokens).',
  },
  graphqlTimeout: {
    nl: 'Deze GraphQL-query duurde te lang en is afgebroken. Probeer het later opnieuw of vraag minder tegelijk op.',
    en: 'This GraphQL query took too long and was stopped. Try again later or ask for less at once.',
  },
  slugInvalid: {
    nl: 'De slug mag alleen kleine letters, cijfers en koppeltekens bevatten.',
    en: 'The slug may only contain lowercase letters, digits and hyphens.',
  },
  parentIsDescendant: {
    nl: 'Een pagina kan niet onder zichzelf of onder een van haar eigen onderliggende pagina’s hangen.',
    en: 'A page cannot be placed under itself or under one of its own child pages.',
  },
  forbiddenAdminsOnly: {
    nl: 'Dit mag alleen een beheerder: gebruikers, rollen en het logboek beheert een beheerder. Vraag het een beheerder.',
    en: 'Only an administrator may do this: users, roles and the audit log are managed by an administrator. Ask an administrator.',
  },
  forbiddenEditorsOnly: {
    nl: 'Dit mag alleen een redacteur of beheerder: uw account mag alleen lezen. Vraag het een beheerder.',
    en: 'Only an editor or administrator may do this: your account may only read. Ask an administrator.',
  },
  forbiddenForEditor: {
    nl: 'Uw rol (redacteur) geeft geen recht op deze actie. Vraag het een beheerder.',
    en: 'Your role (editor) does not allow this action. Ask an administrator.',
  },
  slugTaken: {
    nl: 'Deze slug is al in gebruik. Kies een andere.',
    en: 'This slug is already in use. Choose another one.',
  },
  endBeforeStart: {
    nl: 'De einddatum mag niet voor de startdatum liggen.',
    en: 'The end date cannot be before the start date.',
  },
  videoSourceRequired: {
    nl: 'Upload een videobestand of vul een externe video-URL in, niet allebei.',
    en: 'Upload a video file or enter an external video URL, not both.',
  },
  externalUrlUnsupported: {
    nl: 'Alleen YouTube- en Vimeo-links worden ondersteund.',
    en: 'Only YouTube and Vimeo links are supported.',
  },
  webvttInvalid: {
    nl: 'Ondertiteling moet een geldig WebVTT-bestand zijn (begint met "WEBVTT").',
    en: 'Captions must be valid WebVTT (starting with "WEBVTT").',
  },
  pdfRequired: {
    nl: 'Een whitepaper, factsheet of rapport moet een PDF-bestand zijn.',
    en: 'A whitepaper, factsheet or report must be a PDF file.',
  },
  fileEmpty: {
    nl: 'Het bestand is leeg (0 bytes). Kies het bestand opnieuw.',
    en: 'The file is empty (0 bytes). Choose the file again.',
  },
  fileTypeNotAccepted: {
    nl: 'Dit bestand is geen {accepted}. De inhoud van het bestand is gecontroleerd, niet alleen de naam.',
    en: 'This file is not {accepted}. The content of the file was checked, not just its name.',
  },
  fileTypeMismatch: {
    nl: 'Het bestand heet of zegt {claimed} te zijn, maar de inhoud is {actual}. Geef het bestand de juiste extensie en probeer het opnieuw.',
    en: 'The file is named or declared as {claimed}, but its content is {actual}. Give the file the right extension and try again.',
  },
  svgNotAccepted: {
    nl: 'SVG-afbeeldingen worden niet geaccepteerd, omdat ze scripts kunnen bevatten. Upload een {accepted}.',
    en: 'SVG images are not accepted, because they can contain scripts. Upload a {accepted}.',
  },
  imageUnreadable: {
    nl: 'Deze afbeelding kan niet worden gelezen; het bestand is mogelijk beschadigd.',
    en: 'This image cannot be read; the file may be damaged.',
  },
  imageTooManyPixels: {
    nl: 'Deze afbeelding is te groot: {megapixels} megapixels (maximaal {maxMegapixels}). Verklein de afbeelding en probeer het opnieuw.',
    en: 'This image is too large: {megapixels} megapixels (at most {maxMegapixels}). Make it smaller and try again.',
  },
  fileRequired: {
    nl: 'Upload een bestand.',
    en: 'Upload a file.',
  },
  serviceStarting: {
    nl: 'De server start nog. Probeer het over een paar seconden opnieuw.',
    en: 'The server is still starting. Try again in a few seconds.',
  },
  documentNotFound: {
    nl: 'Document niet gevonden.',
    en: 'Document not found.',
  },
  fileMissing: {
    nl: 'Het bestand van dit document ontbreekt.',
    en: 'The file of this document is missing.',
  },
  fileNotFound: {
    nl: 'Bestand niet gevonden.',
    en: 'File not found.',
  },
  captionsNotFound: {
    nl: 'Ondertiteling niet gevonden.',
    en: 'Captions not found.',
  },
  previewTokenInvalid: {
    nl: 'Het previewtoken is ongeldig. Vraag een nieuwe previewlink aan in het beheer.',
    en: 'The preview token is invalid. Request a new preview link in the admin.',
  },
  previewTokenExpired: {
    nl: 'Het previewtoken is verlopen. Vraag een nieuwe previewlink aan in het beheer.',
    en: 'The preview token has expired. Request a new preview link in the admin.',
  },
  urlInvalid: {
    nl: 'Vul een volledige URL in, beginnend met https:// of http://.',
    en: 'Enter a full URL starting with https:// or http://.',
  },
  linkTargetRequired: {
    nl: 'Kies een interne pagina of vul een externe URL in.',
    en: 'Choose an internal page or enter an external URL.',
  },
  scheduleDateInvalid: {
    nl: 'Geef het tijdstip op als datum en tijd (ISO 8601), bijvoorbeeld 2030-01-31T09:00:00+01:00.',
    en: 'Give the time as a date and time (ISO 8601), for example 2030-01-31T09:00:00+01:00.',
  },
  scheduleDateInPast: {
    nl: 'Het geplande tijdstip moet in de toekomst liggen.',
    en: 'The scheduled time must be in the future.',
  },
  scheduleTypeInvalid: {
    nl: 'Kies "publish" (publiceren) of "unpublish" (publicatie intrekken).',
    en: 'Choose "publish" or "unpublish".',
  },
  scheduleLocaleInvalid: {
    nl: 'Onbekende taal. Kies nl of en.',
    en: 'Unknown locale. Choose nl or en.',
  },
  scheduled: {
    nl: 'Gepland.',
    en: 'Scheduled.',
  },
  scheduleCancelled: {
    nl: 'Planning geannuleerd.',
    en: 'Schedule cancelled.',
  },
  // Publish guardrails (src/guardrails/): shown when publishing is refused.
  imageAltMissing: {
    nl: 'De afbeelding {filenames} heeft geen alternatieve tekst. Vul die in bij Afbeeldingen voordat je publiceert.',
    en: 'The image {filenames} has no alt text. Fill it in under Images before publishing.',
  },
  richTextImageAltMissing: {
    nl: 'Afbeelding zonder alternatieve tekst in deze tekst: {filenames}. Vul de alternatieve tekst in bij de afbeelding (hier of bij Afbeeldingen) voordat je publiceert.',
    en: 'Image without alt text in this text: {filenames}. Fill in the alt text on the image (here or under Images) before publishing.',
  },
  textAlternativeRequired: {
    nl: 'Een infographic heeft een tekstalternatief nodig voordat je hem publiceert: de volledige inhoud in tekst.',
    en: 'An infographic needs a text alternative before it can be published: its full content as text.',
  },
  captionsRequired: {
    nl: 'Voeg ondertiteling toe (minstens één WebVTT-bestand) voordat je de animatie publiceert.',
    en: 'Add captions (at least one WebVTT track) before publishing the animation.',
  },
  transcriptRequired: {
    nl: 'Voeg een transcript toe voordat je de animatie publiceert.',
    en: 'Add a transcript before publishing the animation.',
  },
} satisfies Record<string, Bilingual>

export type MessageKey = keyof typeof messages

/**
 * Picks the message in the request's language (Dutch unless the admin runs in English)
 * and fills `{name}` placeholders from `values`.
 */
export const message = (
  key: MessageKey,
  req?: Partial<Pick<PayloadRequest, 'i18n'>>,
  values: Record<string, string> = {},
): string => {
  const language = requestLanguage(req)
  return messages[key][language].replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder)
}

/** The language of a Payload request's messages: English only when its admin language is `en`. */
export const requestLanguage = (req?: Partial<Pick<PayloadRequest, 'i18n'>>): 'nl' | 'en' =>
  req?.i18n?.language === 'en' ? 'en' : 'nl'

/** "PDF, PNG of JPEG" / "PDF, PNG or JPEG". */
export const listInLanguage = (items: string[], language: 'nl' | 'en'): string =>
  items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${language === 'en' ? 'or' : 'of'} ${items.at(-1)}`

/** The language for the project's own HTTP routes: English when the client asks for it first. */
export const languageOf = (acceptLanguage: string | undefined): 'nl' | 'en' =>
  /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'nl'

/** `message` for the project's own HTTP routes, in a language already chosen (see languageOf). */
export const messageIn = (key: MessageKey, language: 'nl' | 'en', values: Record<string, string> = {}): string =>
  messages[key][language].replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder)
