'use client'

import {
  Button,
  useConfig,
  useDocumentInfo,
  useField,
  useModal,
  useTranslation,
} from '@payloadcms/ui'
import { useCallback } from 'react'

import { ScheduleDrawer } from './ScheduleDrawer'

/**
 * "Publicatie plannen" next to the publish button, in place of Payload's entry in the
 * publish menu (hidden in custom.css). Why our own: Payload 3.90's dialog gives its date
 * field no display format, so a typed "01-04-2027 09:30" is read by `new Date()` as
 * 4 January and the field shows "apr. 1, 2027 9:30 a.m."; its language list says "All";
 * and it proposes "Publicatie ongedaan maken" for a draft that was never published.
 * Neither the dialog nor the field can be configured, and Payload does not export it.
 *
 * Rendered in every draft collection's edit view (admin.components.edit.beforeDocumentControls),
 * for users who may publish the saved document.
 */
export const SchedulePublish = () => {
  const { id, collectionSlug, hasPublishedDoc, hasPublishPermission, unpublishedVersionCount } =
    useDocumentInfo()
  const { config } = useConfig()
  const { t } = useTranslation()
  const { isModalOpen, toggleModal } = useModal()
  // The "Gepland" sidebar field (src/fields/scheduled.ts) is refreshed from the server after
  // each change, without marking the form as edited.
  const { setValue: setScheduled } = useField<string>({ path: 'scheduled' })

  const endpoint = `${config.serverURL}${config.routes.api}/${collectionSlug}/${id}/schedule`
  const refreshScheduled = useCallback(async () => {
    const response = await fetch(
      `${config.serverURL}${config.routes.api}/${collectionSlug}/${id}?draft=true&depth=0&select[scheduled]=true`,
      { credentials: 'include' },
    )
    if (!response.ok) return
    const doc = (await response.json().catch(() => undefined)) as { scheduled?: string } | undefined
    setScheduled(doc?.scheduled ?? '', true)
  }, [config.serverURL, config.routes.api, collectionSlug, id, setScheduled])

  if (!id || !collectionSlug || !hasPublishPermission) return null
  const slug = `koers-schedule-${collectionSlug}-${id}`
  // A published document without newer changes can only be unpublished; anything with
  // unpublished changes (a never-published draft too) is to be published.
  const defaultType = hasPublishedDoc && unpublishedVersionCount === 0 ? 'unpublish' : 'publish'

  return (
    <>
      <Button
        id="koers-schedule-open"
        buttonStyle="secondary"
        size="medium"
        margin={false}
        onClick={() => toggleModal(slug)}
      >
        {t('version:schedulePublish')}
      </Button>
      {isModalOpen(slug) && (
        <ScheduleDrawer
          slug={slug}
          endpoint={endpoint}
          defaultType={defaultType}
          onChange={() => void refreshScheduled()}
        />
      )}
    </>
  )
}
