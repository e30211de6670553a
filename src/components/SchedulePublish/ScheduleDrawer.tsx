'use client'

import { getTranslation } from '@payloadcms/translations'
import {
  Button,
  DatePicker,
  Drawer,
  FieldLabel,
  Gutter,
  toast,
  useConfig,
  useTranslation,
} from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { amsterdamInstantOf, formatAmsterdam } from '../../utilities/amsterdamTime'
import { wordsFor } from './words'

type ScheduleType = 'publish' | 'unpublish'
type Pending = { id: number | string; type: ScheduleType; at: string; locale: string | null }

/** The first readable message of an API error answer (field messages first). */
const errorMessage = (body: unknown, fallback: string): string => {
  const errors = (
    body as { errors?: { message?: string; data?: { errors?: { message?: string }[] } }[] }
  )?.errors
  const fieldMessages = errors?.[0]?.data?.errors?.map((error) => error.message).filter(Boolean)
  return fieldMessages?.length ? fieldMessages.join(' ') : (errors?.[0]?.message ?? fallback)
}

const fetchPending = async (endpoint: string): Promise<Pending[]> => {
  const response = await fetch(endpoint, { credentials: 'include' })
  const body = (await response.json().catch(() => undefined)) as { docs?: Pending[] } | undefined
  return response.ok ? (body?.docs ?? []) : []
}

type Props = {
  slug: string
  /** `/api/<collection>/<id>/schedule`: the REST endpoints of src/jobs/scheduleEndpoints.ts. */
  endpoint: string
  defaultType: ScheduleType
  /** Called after a schedule was added or cancelled. */
  onChange: () => void
}

/**
 * "Publicatie plannen": pick or type when to publish or unpublish, in dd-MM-yyyy HH:mm,
 * Amsterdam time, and see and cancel what is pending. It talks to the same REST
 * endpoints as API clients, which queue Payload's own `schedulePublish` job.
 */
export const ScheduleDrawer = ({ slug, endpoint, defaultType, onChange }: Props) => {
  const { config } = useConfig()
  const { i18n, t } = useTranslation()
  const words = wordsFor(i18n.language)
  const locales = config.localization ? config.localization.locales : []
  const [type, setType] = useState<ScheduleType>(defaultType)
  const [picked, setPicked] = useState<Date | null>(null)
  const [locale, setLocale] = useState('')
  const [pending, setPending] = useState<Pending[] | undefined>()
  const [processing, setProcessing] = useState(false)

  const localeName = (code: string | null) => {
    const found = locales.find((entry) => entry.code === code)
    return found ? getTranslation(found.label, i18n) : words.allLocales
  }

  // Re-read after every change (`changes` counts them).
  const [changes, setChanges] = useState(0)
  useEffect(() => {
    let current = true
    void fetchPending(endpoint).then((docs) => {
      if (current) setPending(docs)
    })
    return () => {
      current = false
    }
  }, [endpoint, changes])

  const send = async (url: string, init: RequestInit) => {
    setProcessing(true)
    try {
      const response = await fetch(url, {
        ...init,
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
      })
      const body = await response.json().catch(() => undefined)
      if (!response.ok) {
        toast.error(errorMessage(body, words.failed))
        return false
      }
      toast.success(body?.message ?? t('version:scheduledSuccessfully'))
      setChanges((count) => count + 1)
      onChange()
      return true
    } catch {
      toast.error(words.failed)
      return false
    } finally {
      setProcessing(false)
    }
  }

  const save = async () => {
    if (!picked) {
      toast.error(words.pickDate)
      return
    }
    const at = amsterdamInstantOf(picked).toISOString()
    const sent = await send(endpoint, {
      method: 'POST',
      body: JSON.stringify({ type, at, ...(type === 'publish' && locale ? { locale } : {}) }),
    })
    if (sent) setPicked(null)
  }

  return (
    <Drawer slug={slug} title={t('version:schedulePublish')} className="koers-schedule">
      <Gutter className="koers-schedule__form">
        <FieldLabel label={t('version:type')} required />
        <ul className="koers-schedule__type">
          {(['publish', 'unpublish'] as const).map((option) => (
            <li key={option}>
              <label>
                <input
                  type="radio"
                  name={`${slug}-type`}
                  id={`${slug}-type-${option}`}
                  checked={type === option}
                  disabled={processing}
                  onChange={() => setType(option)}
                />{' '}
                {t(option === 'publish' ? 'version:publish' : 'version:unpublish')}
              </label>
            </li>
          ))}
        </ul>
        <FieldLabel label={words.when} path="koers-schedule-time" required />
        <DatePicker
          id="koers-schedule-time"
          pickerAppearance="dayAndTime"
          displayFormat="dd-MM-yyyy HH:mm"
          timeFormat="HH:mm"
          timeIntervals={5}
          minDate={new Date()}
          placeholder={words.placeholder}
          readOnly={processing}
          value={picked ?? undefined}
          onChange={(value) => setPicked(value instanceof Date ? value : null)}
        />
        <p className="field-description">{words.whenHelp}</p>
        {locales.length > 0 && type === 'publish' && (
          <>
            <FieldLabel label={t('localization:localeToPublish')} path="koers-schedule-locale" />
            <select
              id="koers-schedule-locale"
              className="koers-schedule__locale"
              value={locale}
              disabled={processing}
              onChange={(event) => setLocale(event.target.value)}
            >
              <option value="">{words.allLocales}</option>
              {locales.map((entry) => (
                <option key={entry.code} value={entry.code}>
                  {getTranslation(entry.label, i18n)}
                </option>
              ))}
            </select>
          </>
        )}
        <div className="koers-schedule__actions">
          <Button
            id="koers-schedule-save"
            buttonStyle="primary"
            disabled={processing}
            onClick={save}
          >
            {t('general:save')}
          </Button>
        </div>
      </Gutter>
      <Gutter className="koers-schedule__pending">
        <h4>{t('general:upcomingEvents')}</h4>
        {pending?.length === 0 && <p>{t('general:noUpcomingEventsScheduled')}</p>}
        {pending && pending.length > 0 && (
          <ul>
            {pending.map((entry) => (
              <li key={entry.id} className="koers-schedule__pending-item">
                <span>
                  {entry.type === 'unpublish' ? words.unpublishOn : words.publishOn}{' '}
                  {formatAmsterdam(new Date(entry.at))}
                  {entry.type === 'publish' && locales.length > 0
                    ? ` (${localeName(entry.locale)})`
                    : ''}
                </span>{' '}
                <Button
                  buttonStyle="secondary"
                  size="small"
                  margin={false}
                  disabled={processing}
                  onClick={() => void send(`${endpoint}/${entry.id}`, { method: 'DELETE' })}
                >
                  {words.cancelSchedule}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Gutter>
    </Drawer>
  )
}
