import { isObject } from './values'

type LexicalNode = Record<string, unknown> & { type?: string; children?: unknown }

const walk = (node: unknown, visit: (node: LexicalNode) => void): void => {
  if (!isObject(node)) return
  visit(node as LexicalNode)
  if (Array.isArray(node.children)) node.children.forEach((child) => walk(child, visit))
}

const rootOf = (value: unknown): unknown => (isObject(value) ? value.root : undefined)

/** Every Lexical `upload` node pointing at the media collection, however deeply nested. */
export const mediaUploadNodes = (value: unknown): LexicalNode[] => {
  const found: LexicalNode[] = []
  walk(rootOf(value), (node) => {
    if (node.type === 'upload' && node.relationTo === 'media') found.push(node)
  })
  return found
}

/** True when the rich text contains readable text; an editor's empty paragraph does not count. */
export const hasText = (value: unknown): boolean => {
  let text = false
  walk(rootOf(value), (node) => {
    if (node.type === 'text' && typeof node.text === 'string' && node.text.trim() !== '') text = true
  })
  return text
}
