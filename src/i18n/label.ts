/**
 * Everything an editor reads is Dutch first, English second. Payload accepts a
 * `{ [language]: string }` record wherever it takes a label, so one helper keeps
 * every label in that shape and the order visible at the call site.
 */
export type Bilingual = { nl: string; en: string }

export const label = (nl: string, en: string): Bilingual => ({ nl, en })
