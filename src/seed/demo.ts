import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import type { Project } from '../payload-types'
import {
  changeLineOptions,
  partnerDomainOptions,
  projectStatusOptions,
  provinceOptions,
  sanctionPhaseOptions,
  sanctionTypeOptions,
  themeOptions,
} from '../fields/projectOptions'
import { paragraph, richText } from './lexical'

const values = <T extends { value: string }>(options: T[]) => options.map((option) => option.value)

/** Picks `count` values starting at `offset`, wrapping around: every value gets used evenly. */
const spread = <T>(list: T[], offset: number, count: number): T[] =>
  Array.from({ length: Math.min(count, list.length) }, (_, i) => list[(offset + i) % list.length]!)

const MUNICIPALITIES = ['Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen', 'Zwolle', 'Leeuwarden']

/**
 * Project n of the demo set. Deterministic: project n always has the same values,
 * and over N projects every change line, theme, phase, type, province and status occurs.
 */
export const demoProject = (n: number) => {
  const changeLines = values(changeLineOptions)
  const themes = values(themeOptions)
  const provinces = values(provinceOptions)
  const statuses = values(projectStatusOptions)
  const start = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000 * 3)
  const status = statuses[n % statuses.length] as Project['status']
  const number = String(n).padStart(4, '0')
  return {
    title: `Demoproject ${number} – ${MUNICIPALITIES[n % MUNICIPALITIES.length]}`,
    slug: `demo-project-${number}`,
    summary: `Demodata: synthetisch project ${number} voor laad- en schaaltests. Geen echt project.`,
    content: richText(paragraph(`Demodata. Dit project bestaat niet; het is gemaakt door de demo-generator (nummer ${number}).`)),
    changeLines: spread(changeLines, n, 1 + (n % 2)) as Project['changeLines'],
    themes: spread(themes, n, 1 + (n % 3)) as Project['themes'],
    sanctionPhases: spread(values(sanctionPhaseOptions), n, 1 + (n % 2)) as Project['sanctionPhases'],
    sanctionTypes: spread(values(sanctionTypeOptions), n, 1) as Project['sanctionTypes'],
    region: {
      municipality: MUNICIPALITIES[n % MUNICIPALITIES.length],
      province: provinces[n % provinces.length] as NonNullable<Project['region']>['province'],
    },
    partners: [{ name: `Demo-organisatie ${number}`, domain: values(partnerDomainOptions)[n % partnerDomainOptions.length] as never }],
    status,
    startDate: start.toISOString(),
    endDate: status === 'afgerond' ? new Date(start.getTime() + 365 * 86_400_000).toISOString() : null,
    contact: { public: false, name: 'Demo Contact', organisation: 'Demo', email: `demo-${number}@example.invalid` },
    demo: true,
    _status: 'published' as const,
  }
}

const BATCH = 200

/** Ensures demo projects 1..N exist (marked `demo: true`); existing ones are left alone. */
export const seedDemo = async (payload: Payload, options: { projects: number; log?: (line: string) => void }): Promise<void> => {
  const log = options.log ?? (() => {})
  const existing = await payload.find({
    collection: 'projects',
    where: { demo: { equals: true } },
    select: { slug: true },
    limit: 0,
    pagination: false,
    depth: 0,
    draft: true,
    overrideAccess: true,
  })
  const have = new Set(existing.docs.map((doc) => doc.slug))
  const missing = Array.from({ length: options.projects }, (_, i) => i + 1).filter((n) => !have.has(demoProject(n).slug))
  let created = 0
  // One transaction per batch instead of one per project: every commit waits for the disk
  // (SQLite WAL with synchronous=FULL fsyncs each commit), which dominated seeding 10 000.
  for (let start = 0; start < missing.length; start += BATCH) {
    const req = await createLocalReq({ context: { seeding: true } }, payload)
    await initTransaction(req)
    try {
      for (const n of missing.slice(start, start + BATCH)) {
        await payload.create({ collection: 'projects', data: demoProject(n), depth: 0, overrideAccess: true, req })
        created++
        if (created % 500 === 0) log(`demo: ${created} projects created`)
      }
      await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  }
  log(`demo: ${created} created, ${options.projects - created} already there (${options.projects} demo projects in total)`)
}
