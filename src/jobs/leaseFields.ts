import type { Field } from 'payload'

/**
 * Who runs a job and until when (see ./runner.ts). A node claims a job by setting
 * both in the same statement that sets `processing`; it renews the lease while the
 * job runs. When the node dies the lease runs out and any other node may claim the
 * job again, so a crash never leaves a job `processing` for good.
 */
export const leaseFields: Field[] = [
  {
    name: 'leaseOwner',
    type: 'text',
    index: true,
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'leaseExpiresAt',
    type: 'date',
    index: true,
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
  },
]
