'use client'

import { getTranslation } from '@payloadcms/translations'
import { Link, useConfig, useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

/**
 * Audit-log list cells. Entries store the collection's slug (stable, also after a
 * rename); editors read its name ("Pagina's"), and the title links to the document
 * itself (not to the log entry) as long as it exists.
 */
const useEntityName = (slug: unknown): string => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  if (typeof slug !== 'string') return ''
  const collection = config.collections.find((entry) => entry.slug === slug)
  if (collection) return getTranslation(collection.labels.plural, i18n)
  const global = config.globals.find((entry) => entry.slug === slug)
  return global ? getTranslation(global.label, i18n) : slug
}

export const AuditCollectionCell = ({ cellData }: DefaultCellComponentProps) => (
  <span>{useEntityName(cellData)}</span>
)

export const AuditDocumentCell = ({ cellData, rowData }: DefaultCellComponentProps) => {
  const {
    config: {
      routes: { admin },
      collections,
      globals,
    },
  } = useConfig()
  const title = typeof cellData === 'string' && cellData ? cellData : '—'
  const slug = rowData.collection as string | undefined
  const id = rowData.docId as string | undefined
  const href =
    rowData.action === 'delete' || rowData.action === 'login' || !slug
      ? undefined
      : collections.some((entry) => entry.slug === slug) && id
        ? `${admin}/collections/${slug}/${id}`
        : globals.some((entry) => entry.slug === slug)
          ? `${admin}/globals/${slug}`
          : undefined
  return href ? (
    <Link href={href} prefetch={false} className="audit-document-link">
      {title}
    </Link>
  ) : (
    <span>{title}</span>
  )
}
