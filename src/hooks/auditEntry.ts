import type { Field, PayloadRequest } from 'payload'

export type AuditAction = 'create' | 'update' | 'publish' | 'unpublish' | 'delete' | 'login'

type Entry = {
  action: AuditAction
  collection: string
  docId?: number | string | null
  title?: unknown
  changedFields?: string[] | null
}

/** Fields every save touches or that only Payload manages: never worth reporting as changed. */
const IGNORED = new Set(['id', 'createdAt', 'updatedAt', '_status', 'password', 'salt', 'hash', 'sessions', 'loginAttempts', 'lockUntil'])

/** JSON with sorted keys, so the same value read back from the database compares equal. */
const stable = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  )

/** Names of the submitted top-level fields whose value differs from before. Values are not logged. */
export const changedFields = (
  data: Record<string, unknown> | undefined,
  previous: Record<string, unknown> | undefined,
  skip: Set<string> = new Set(),
): string[] =>
  Object.keys(data ?? {}).filter((key) => !IGNORED.has(key) && !skip.has(key) && stable(data?.[key]) !== stable(previous?.[key]))

/** Top-level fields the editor cannot change (computed by hooks, e.g. breadcrumbs): not the editor's change. */
export const readOnlyFields = (collection: { fields: Field[] }): Set<string> => {
  const names = new Set<string>()
  const visit = (fields: Field[]) => {
    for (const field of fields) {
      if ('name' in field && field.admin && 'readOnly' in field.admin && field.admin.readOnly) names.add(field.name)
      else if (!('name' in field) && 'fields' in field) visit(field.fields)
      else if (field.type === 'tabs') field.tabs.forEach((tab) => ('name' in tab ? undefined : visit(tab.fields)))
    }
  }
  visit(collection.fields)
  return names
}

/**
 * Writes one audit entry in the same transaction as the change it records (`req`), so
 * a change that is rolled back leaves no entry. The acting user is snapshotted by e-mail
 * too: the entry stays readable after the account is deleted.
 */
export const writeAuditEntry = async (
  req: PayloadRequest,
  entry: Entry,
  actor: PayloadRequest['user'] = req.user,
): Promise<void> => {
  const user = actor?.collection === 'users' ? actor : null
  await req.payload.create({
    collection: 'auditLog',
    data: {
      action: entry.action,
      collection: entry.collection,
      docId: entry.docId == null ? null : String(entry.docId),
      title: typeof entry.title === 'string' ? entry.title : null,
      user: user?.id ?? null,
      userEmail: user?.email ?? null,
      at: new Date().toISOString(),
      changedFields: entry.changedFields ?? null,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
