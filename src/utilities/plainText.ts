/**
 * Collects the readable words from Lexical rich text (and the blocks inside it),
 * so reading time counts what a visitor actually reads.
 */
const SKIP_KEYS = new Set(['id', 'blockType', 'blockName', 'type', 'url', 'format', 'version'])

const walk = (node: unknown, out: string[]): void => {
  if (!node) return
  if (Array.isArray(node)) {
    for (const child of node) walk(child, out)
    return
  }
  if (typeof node !== 'object') return
  const record = node as Record<string, unknown>
  if (record.type === 'text' && typeof record.text === 'string') {
    out.push(record.text)
    return
  }
  if (record.type === 'block' && record.fields && typeof record.fields === 'object') {
    for (const [key, value] of Object.entries(record.fields as Record<string, unknown>)) {
      if (SKIP_KEYS.has(key)) continue
      if (typeof value === 'string') out.push(value)
      else walk(value, out)
    }
    return
  }
  if (record.root) walk(record.root, out)
  if (record.children) walk(record.children, out)
}

export const richTextToPlainText = (value: unknown): string => {
  const out: string[] = []
  walk(value, out)
  return out.join(' ')
}

export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length

/** "Leestijd": ceil(words / 200), at least one minute. */
export const readingTimeMinutes = (parts: unknown[]): number => {
  const words = parts.reduce<number>((sum, part) => {
    const text = typeof part === 'string' ? part : richTextToPlainText(part)
    return sum + countWords(text)
  }, 0)
  return Math.max(1, Math.ceil(words / 200))
}
