'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect } from 'react'

/**
 * Makes Payload's "Publicatie plannen" dialog propose publishing for a draft that was
 * never published. Payload 3.90's publish button passes
 * `defaultType: unpublishedVersionCount > 0 ? 'publish' : 'unpublish'`, and it counts
 * unpublished versions only once a published one exists, so a new draft is offered
 * "Publicatie ongedaan maken" — of something that was never published. Such a draft
 * does have an unpublished version (itself): counting it fixes the default. Nothing else
 * reads the count for a never-published document (the status line needs a published one).
 * Rendered in the edit view's controls (admin.components.edit.beforeDocumentControls).
 */
export const DraftSchedulesPublish = () => {
  const { id, hasPublishedDoc, unpublishedVersionCount, setUnpublishedVersionCount } =
    useDocumentInfo()
  useEffect(() => {
    if (id && !hasPublishedDoc && unpublishedVersionCount === 0) setUnpublishedVersionCount(1)
  }, [id, hasPublishedDoc, unpublishedVersionCount, setUnpublishedVersionCount])
  return null
}
