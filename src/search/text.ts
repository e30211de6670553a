import snowball from 'snowball-stemmers'

/**
 * Dutch words as the search index sees them: lower case, diacritics folded
 * (`reïntegratie` = `reintegratie`), common function words dropped, and — for
 * SQLite, whose FTS5 only stems English — reduced to their Snowball (Dutch) stem.
 * Postgres stems with its own `dutch` configuration, the same Snowball algorithm.
 */
const stemmer = snowball.newStemmer('dutch')

/** A few of the most frequent Dutch (and English) function words, never worth matching on. */
const STOPWORDS = new Set(
  'de het een en van in op te dat die is voor met aan er niet zijn om als ook bij of maar dan naar door over uit tot wordt worden the a an and of to in is for on'.split(
    ' ',
  ),
)

export const fold = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** The words of a text, folded, in order (stopwords kept: snippets need every word). */
export const words = (text: string): string[] => fold(text).match(/[\p{L}\p{N}]+/gu) ?? []

export const stem = (word: string): string => stemmer.stem(word)

export const isStopword = (word: string): boolean => STOPWORDS.has(word)

/** The stems of a text, for the SQLite index (space-separated). */
export const stemmedText = (text: string): string =>
  words(text)
    .filter((word) => !isStopword(word))
    .map(stem)
    .join(' ')

/** The query's terms: folded, without stopwords, only letters and digits (safe in any query syntax). */
export const queryTerms = (q: string): string[] =>
  [...new Set(words(q).filter((word) => !isStopword(word)))].slice(0, 12)
