/**
 * Tiny builders for Lexical rich text as Payload stores it, so the seed content
 * reads like the page it produces.
 */
type Node = { type: string; version: number; [key: string]: unknown }

const element = (type: string, children: Node[], extra: Record<string, unknown> = {}): Node => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

export const text = (value: string, bold = false): Node => ({
  type: 'text',
  detail: 0,
  format: bold ? 1 : 0,
  mode: 'normal',
  style: '',
  text: value,
  version: 1,
})

const inline = (parts: (Node | string)[]): Node[] => parts.map((part) => (typeof part === 'string' ? text(part) : part))

export const paragraph = (...parts: (Node | string)[]): Node =>
  element('paragraph', inline(parts), { textFormat: 0, textStyle: '' })

export const heading = (tag: 'h2' | 'h3' | 'h4', value: string): Node => element('heading', [text(value)], { tag })

export const link = (url: string, label: string): Node =>
  element('link', [text(label)], { version: 3, fields: { linkType: 'custom', url, newTab: true } })

type Item = string | { text: string; children: Node }

export const list = (listType: 'number' | 'bullet', items: Item[], indent = 0): Node =>
  element(
    'list',
    items.flatMap((item, index) => {
      const value = index + 1
      if (typeof item === 'string') return [element('listitem', [text(item)], { value, indent })]
      return [
        element('listitem', [text(item.text)], { value, indent }),
        // Lexical nests a sub-list in a list item of its own.
        element('listitem', [item.children], { value: value + 1, indent }),
      ]
    }),
    { listType, start: 1, tag: listType === 'number' ? 'ol' : 'ul', indent },
  )

export const block = (blockType: string, fields: Record<string, unknown>, id: string): Node => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id, blockName: '', blockType, ...fields },
})

export const richText = (...children: Node[]) => ({
  root: { type: 'root', children, direction: 'ltr' as const, format: '' as const, indent: 0, version: 1 },
})
