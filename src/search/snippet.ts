import { fold, stem } from './text'

/**
 * A short passage of the text around the densest group of matches, each matching word in
 * `<mark>…</mark>`, the rest HTML-escaped: safe to put into a page as it is. A word
 * matches when its stem starts with a query term's stem — the same rule the index uses.
 */
const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  )

export const highlight = (text: string, terms: string[], size = 30): string => {
  const stems = terms.map(stem)
  const parts = text.split(/([\p{L}\p{N}]+)/u)
  const isHit = (part: string) => {
    if (!/[\p{L}\p{N}]/u.test(part)) return false
    const folded = fold(part)
    const own = stem(folded)
    return stems.some((term) => own.startsWith(term) || folded.startsWith(term))
  }
  // Word positions (odd indexes are words) and which of them match.
  const wordIndexes = parts.map((_, index) => index).filter((index) => index % 2 === 1)
  const hits = wordIndexes.map((index) => isHit(parts[index]!))
  let best = 0
  let bestCount = -1
  for (let start = 0; start < Math.max(1, wordIndexes.length - size + 1); start++) {
    const count = hits.slice(start, start + size).filter(Boolean).length
    if (count > bestCount) {
      best = start
      bestCount = count
    }
  }
  // Start a little before the first hit in the window, so the passage reads naturally.
  const firstHit = hits.indexOf(true, best)
  const from = firstHit > best + 5 ? firstHit - 5 : best
  const to = Math.min(wordIndexes.length, from + size)
  if (to <= from) return escape(text.slice(0, 200))
  const startPart = wordIndexes[from]!
  const endPart = wordIndexes[to - 1]!
  let out = ''
  for (let index = startPart; index <= endPart; index++) {
    const part = parts[index]!
    out += index % 2 === 1 && isHit(part) ? `<mark>${escape(part)}</mark>` : escape(part)
  }
  return `${from > 0 ? '… ' : ''}${out.trim()}${to < wordIndexes.length ? ' …' : ''}`
}
