import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
} from 'payload'

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
import { pickSeveral, pickWeighted, seededRandom } from './random'

const values = <T extends { value: string }>(options: T[]) => options.map((option) => option.value)
const even = (list: string[]) => list.map((value) => [value, 1] as const)

/** Realistic shares: most projects run, debts and work come up most, provinces by population. */
const STATUS = [
  ['in-voorbereiding', 2],
  ['lopend', 5],
  ['afgerond', 3],
] as const
const THEMES = [
  ['schulden', 4],
  ['huisvesting', 3],
  ['werk-en-inkomen', 4],
  ['psychische-problematiek', 3],
  ['licht-verstandelijke-beperking', 2],
  ['gezinsproblematiek', 2],
  ['verslaving', 2],
  ['overig', 1],
] as const
/** Inhabitants in hundreds of thousands (CBS, rounded) and two municipalities per province. */
const PROVINCES: Record<string, { weight: number; municipalities: [string, string] }> = {
  drenthe: { weight: 5, municipalities: ['Assen', 'Emmen'] },
  flevoland: { weight: 4, municipalities: ['Almere', 'Lelystad'] },
  friesland: { weight: 7, municipalities: ['Leeuwarden', 'Súdwest-Fryslân'] },
  gelderland: { weight: 21, municipalities: ['Nijmegen', 'Arnhem'] },
  groningen: { weight: 6, municipalities: ['Groningen', 'Midden-Groningen'] },
  limburg: { weight: 11, municipalities: ['Maastricht', 'Venlo'] },
  'noord-brabant': { weight: 26, municipalities: ['Eindhoven', 'Tilburg'] },
  'noord-holland': { weight: 30, municipalities: ['Amsterdam', 'Haarlem'] },
  overijssel: { weight: 12, municipalities: ['Zwolle', 'Enschede'] },
  utrecht: { weight: 14, municipalities: ['Utrecht', 'Amersfoort'] },
  zeeland: { weight: 4, municipalities: ['Middelburg', 'Vlissingen'] },
  'zuid-holland': { weight: 38, municipalities: ['Rotterdam', 'Den Haag'] },
}
const TOPICS = [
  'Schuldhulp in detentie',
  'Werk na de taakstraf',
  'Wonen na de straf',
  'Buurtbemiddeling',
  'Zorg en toezicht',
  'Herstelgericht werken',
]

/**
 * Project n of the demo set, drawn from a pseudo-random generator seeded with n: project n
 * always has the same values (whatever N), and each filter value occurs about as often as
 * its weight says, independently of the others — so combined filters (change line + theme
 * + province + status) find projects in proportion, as on a real site.
 */
export const demoProject = (n: number) => {
  const random = seededRandom(0x6b6b + n * 7919)
  const status = pickWeighted(random, STATUS) as Project['status']
  const provinces = values(provinceOptions).map(
    (value) => [value, PROVINCES[value]?.weight ?? 1] as const,
  )
  const province = pickWeighted(random, provinces)
  const municipality = PROVINCES[province]?.municipalities[Math.floor(random() * 2)] ?? 'Utrecht'
  const start = new Date(Date.UTC(2019, 0, 1) + Math.floor(random() * 2900) * 86_400_000)
  const topic = TOPICS[Math.floor(random() * TOPICS.length)]!
  const number = String(n).padStart(4, '0')
  return {
    title: `Demoproject ${number} – ${topic} in ${municipality}`,
    slug: `demo-project-${number}`,
    summary: `Demodata: synthetisch project ${number} (${topic.toLowerCase()}) voor laad- en schaaltests. Geen echt project.`,
    content: richText(
      paragraph(
        `Demodata. Dit project bestaat niet; het is gemaakt door de demo-generator (nummer ${number}).`,
      ),
    ),
    changeLines: pickSeveral(
      random,
      even(values(changeLineOptions)),
      1 + Math.floor(random() * 2),
    ) as Project['changeLines'],
    themes: pickSeveral(random, THEMES, 1 + Math.floor(random() * 3)) as Project['themes'],
    sanctionPhases: pickSeveral(
      random,
      even(values(sanctionPhaseOptions)),
      1 + Math.floor(random() * 2),
    ) as Project['sanctionPhases'],
    sanctionTypes: pickSeveral(
      random,
      even(values(sanctionTypeOptions)),
      1,
    ) as Project['sanctionTypes'],
    region: { municipality, province: province as NonNullable<Project['region']>['province'] },
    partners: [
      {
        name: `Demo-organisatie ${number}`,
        domain: pickWeighted(random, even(values(partnerDomainOptions))) as never,
      },
    ],
    status,
    startDate: start.toISOString(),
    endDate:
      status === 'afgerond'
        ? new Date(start.getTime() + (180 + Math.floor(random() * 720)) * 86_400_000).toISOString()
        : null,
    contact: {
      public: false,
      name: 'Demo Contact',
      organisation: 'Demo',
      email: `demo-${number}@example.invalid`,
    },
    demo: true,
    _status: 'published' as const,
  }
}

const BATCH = 200

/** Ensures demo projects 1..N exist (marked `demo: true`); existing ones are left alone. */
export const seedDemo = async (
  payload: Payload,
  options: { projects: number; log?: (line: string) => void },
): Promise<void> => {
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
  const missing = Array.from({ length: options.projects }, (_, i) => i + 1).filter(
    (n) => !have.has(demoProject(n).slug),
  )
  let created = 0
  // One transaction per batch instead of one per project: every commit waits for the disk
  // (SQLite WAL with synchronous=FULL fsyncs each commit), which dominated seeding 10 000.
  for (let start = 0; start < missing.length; start += BATCH) {
    const req = await createLocalReq({ context: { seeding: true } }, payload)
    await initTransaction(req)
    try {
      for (const n of missing.slice(start, start + BATCH)) {
        await payload.create({
          collection: 'projects',
          data: demoProject(n),
          depth: 0,
          overrideAccess: true,
          req,
        })
        created++
        if (created % 500 === 0) log(`demo: ${created} projects created`)
      }
      await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  }
  log(
    `demo: ${created} created, ${options.projects - created} already there (${options.projects} demo projects in total)`,
  )
}
