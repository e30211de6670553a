import { describe, expect, it } from '@jest/globals'
import type { SanitizedConfig } from 'payload'

import { dependencySet } from '../../src/contentVersion/dependencies'
import { buildDependencyGraph } from '../../src/contentVersion/graph'
import { snapshotOf } from '../../src/contentVersion/snapshot'
import { concurrencyLimit, inBackground } from '../../src/utilities/concurrencyLimit'
import type { CachedResponse } from '../../src/http/responseCache/cachedResponse'
import { freshVersionReader } from '../../src/http/responseCache/freshVersion'
import { decodeAnswer, encodeAnswer } from '../../src/http/responseCache/sharedAnswers'
import { ResponseStore, type StoredAnswer } from '../../src/http/responseCache/store'
import { warmUp } from '../../src/http/responseCache/warmUp'

/** A small deterministic PRNG (mulberry32): generated cases, the same on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** A rich-text field as @payloadcms/richtext-lexical sanitizes it: features with props and schema maps. */
const lexicalField = (name: string) => ({
  name,
  type: 'richText',
  editor: {
    editorConfig: {
      resolvedFeatureMap: new Map<string, unknown>([
        ['upload', { sanitizedServerFeatureProps: { enabledCollectionSlugs: ['media'] } }],
        [
          'blocks',
          {
            generateSchemaMap: () =>
              new Map([
                [
                  'lexical_blocks.animation.fields',
                  {
                    fields: [{ name: 'animation', type: 'relationship', relationTo: 'animations' }],
                  },
                ],
              ]),
          },
        ],
      ]),
    },
  },
})

const config = {
  maxDepth: 10,
  defaultDepth: 2,
  blocks: [],
  collections: [
    {
      slug: 'pages',
      versions: { drafts: {} },
      fields: [
        { name: 'heroImage', type: 'upload', relationTo: 'media' },
        { name: 'parent', type: 'relationship', relationTo: 'pages' },
        {
          name: 'layout',
          type: 'blocks',
          blocks: [
            {
              slug: 'projectList',
              fields: [
                { name: 'projects', type: 'relationship', relationTo: 'projects', hasMany: true },
              ],
            },
          ],
        },
        {
          name: 'share',
          type: 'group',
          custom: { readsFrom: ['site'] },
          fields: [{ name: 'canonical', type: 'text' }],
        },
        lexicalField('content'),
      ],
    },
    {
      slug: 'projects',
      versions: { drafts: {} },
      fields: [
        {
          type: 'tabs',
          tabs: [
            {
              fields: [
                { name: 'documents', type: 'relationship', relationTo: 'documents', hasMany: true },
              ],
            },
          ],
        },
      ],
    },
    {
      slug: 'documents',
      versions: { drafts: {} },
      fields: [{ name: 'relatedProjects', type: 'relationship', relationTo: 'projects' }],
    },
    { slug: 'animations', fields: [{ name: 'posterImage', type: 'upload', relationTo: 'media' }] },
    { slug: 'media', fields: [{ name: 'alt', type: 'text' }] },
    { slug: 'notes', fields: [{ name: 'body', type: 'richText', editor: {} }] },
  ],
  globals: [{ slug: 'site', fields: [{ name: 'image', type: 'upload', relationTo: 'media' }] }],
} as unknown as SanitizedConfig

describe('the dependency graph derived from the config', () => {
  const graph = buildDependencyGraph(config)

  it('reaches what an answer can contain at each depth, hidden reads included', () => {
    expect(graph.reach('pages', 0)).toEqual(['pages', 'site'])
    expect(graph.reach('pages', 1)).toEqual(['animations', 'media', 'pages', 'projects', 'site'])
    expect(graph.reach('pages', 2)).toEqual([
      'animations',
      'documents',
      'media',
      'pages',
      'projects',
      'site',
    ])
    expect(graph.reach('documents', 0)).toEqual(['documents'])
    expect(graph.reach('documents', 1)).toEqual(['documents', 'projects'])
    expect(graph.reach('site', 10)).toEqual(['media', 'site'])
    expect(graph.drafts).toEqual(new Set(['pages', 'projects', 'documents']))
  })

  it('knows which stored rows point at a collection (rich text stores none)', () => {
    expect(graph.referrers('media')).toEqual(['pages', 'animations', 'site'])
    expect(graph.referrers('projects')).toEqual(['pages', 'documents'])
    expect(graph.referrers('animations')).toEqual([])
  })

  it('assumes a rich-text field it cannot read can show every collection', () => {
    expect(graph.reach('notes', 1)).toEqual(graph.slugs.slice().sort())
  })
})

const answer = (body: string): CachedResponse => ({
  status: 200,
  headers: [['content-type', 'application/json']],
  etag: body,
  identity: Buffer.from(body),
  bytes: body.length + 512,
})

describe('the response store', () => {
  it('never returns an answer made under other versions of its dependencies (generated sequences)', () => {
    const next = random(12)
    const scopes = ['a', 'b', 'c', 'd']
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!
    for (let run = 0; run < 50; run += 1) {
      const store = new ResponseStore(1024 * 1024)
      const tokens = new Map(scopes.map((scope) => [scope, '0']))
      let snapshot = snapshotOf([...tokens], undefined)
      let sequence = 1
      store.advance(snapshot, sequence)
      const made = new Map<string, StoredAnswer>()
      for (let step = 0; step < 200; step += 1) {
        const roll = next()
        if (roll < 0.2) {
          tokens.set(pick(scopes), String(step))
          const before = snapshot
          snapshot = snapshotOf([...tokens], snapshot)
          const stale = store.advance(snapshot, ++sequence)
          for (const { recipe } of stale)
            expect(recipe.dependencies.fingerprint(snapshot)).not.toBe(
              recipe.dependencies.fingerprint(before),
            )
        } else if (roll < 0.6) {
          const dependencies = dependencySet(scopes.filter(() => next() < 0.5))
          const key = `k${Math.floor(next() * 8)}`
          const entry: StoredAnswer = {
            response: answer(`${key}@${step}`),
            recipe: { key, dependencies, produce: async () => new Response('') },
            fingerprint: dependencies.fingerprint(snapshot),
            requests: 1,
          }
          store.set(entry)
          made.set(`${key}@${step}`, entry)
        } else {
          const key = `k${Math.floor(next() * 8)}`
          const found = store.get(key, snapshot)
          if (found) expect(found.recipe.dependencies.fingerprint(snapshot)).toBe(found.fingerprint)
        }
      }
    }
  })

  it('keeps an answer across a change of something it does not depend on', () => {
    const store = new ResponseStore(1024 * 1024)
    const first = snapshotOf(
      [
        ['pages', '1'],
        ['site', '1'],
      ],
      undefined,
    )
    store.advance(first, 1)
    const site = dependencySet(['site'])
    store.set({
      response: answer('site'),
      recipe: { key: 'site', dependencies: site, produce: async () => new Response('') },
      fingerprint: site.fingerprint(first),
      requests: 1,
    })
    const second = snapshotOf(
      [
        ['pages', '2'],
        ['site', '1'],
      ],
      first,
    )
    expect(store.advance(second, 2)).toEqual([])
    expect(store.get('site', second)?.response.etag).toBe('site')
    const third = snapshotOf(
      [
        ['pages', '2'],
        ['site', '2'],
      ],
      second,
    )
    expect(store.advance(third, 3).map((stale) => stale.recipe.key)).toEqual(['site'])
    expect(store.get('site', third)).toBeUndefined()
  })
})

describe('answers in Redis', () => {
  it('decode to what was encoded, with and without compressed forms (generated cases)', () => {
    const next = random(7)
    const bytes = (length: number) =>
      Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)))
    for (let index = 0; index < 200; index += 1) {
      const entry: CachedResponse = {
        status: [200, 404, 400][index % 3]!,
        headers: [
          ['content-type', 'application/json; charset=utf-8'],
          ['x-index', `ä${index}`],
        ],
        etag: bytes(12).toString('base64url'),
        identity: bytes(Math.floor(next() * 3000)),
        br: next() < 0.5 ? bytes(Math.floor(next() * 500)) : undefined,
        gzip: next() < 0.5 ? bytes(Math.floor(next() * 500)) : undefined,
        bytes: 0,
      }
      const decoded = decodeAnswer(encodeAnswer(entry))!
      expect(decoded.status).toBe(entry.status)
      expect(decoded.headers).toEqual(entry.headers)
      expect(decoded.etag).toBe(entry.etag)
      expect(decoded.identity.equals(entry.identity)).toBe(true)
      expect(decoded.br?.equals(entry.br!) ?? entry.br).toBe(entry.br ? true : undefined)
      expect(decoded.gzip?.equals(entry.gzip!) ?? entry.gzip).toBe(entry.gzip ? true : undefined)
    }
  })

  it('refuses bytes that are not an answer', () => {
    expect(decodeAnswer(Buffer.from('nonsense'))).toBeUndefined()
    expect(decodeAnswer(encodeAnswer(answer('x')).subarray(0, 20))).toBeUndefined()
  })
})

describe('background work', () => {
  it('never starts ahead of a request that waits for the same limit', async () => {
    const limited = concurrencyLimit(1)
    const order: string[] = []
    let release!: () => void
    const first = limited(() => new Promise<void>((resolve) => (release = resolve)))
    const background = inBackground(() => limited(async () => void order.push('warm-up')))
    const request = limited(async () => void order.push('request'))
    release()
    await Promise.all([first, background, request])
    expect(order).toEqual(['request', 'warm-up'])
  })

  it('warms the most-requested stale answers first, at most `count`, one at a time', async () => {
    const done: string[] = []
    let running = 0
    const warmer = warmUp({
      count: 2,
      refresh: async ({ recipe }) => {
        running += 1
        expect(running).toBe(1)
        await new Promise((resolve) => setTimeout(resolve, 5))
        done.push(recipe.key)
        running -= 1
      },
    })
    const stale = (key: string, requests: number) => ({
      recipe: {
        key,
        dependencies: dependencySet(['pages']),
        produce: async () => new Response(''),
      },
      requests,
    })
    warmer.offer([stale('cold', 1), stale('hot', 50), stale('warm', 10)])
    while (warmer.queued > 0 || done.length < 2)
      await new Promise((resolve) => setTimeout(resolve, 5))
    expect(done).toEqual(['hot', 'warm'])
  })
})

describe('reading the versions for a request', () => {
  it('shares one read among the requests of one turn, never joining a read begun before a request', async () => {
    let reads = 0
    let release: (() => void) | undefined
    const fresh = freshVersionReader(async () => {
      reads += 1
      const id = String(reads)
      if (reads === 2) await new Promise<void>((resolve) => (release = resolve))
      return snapshotOf([['pages', id]], undefined)
    })
    // A burst within one turn of the event loop: one read, after every one of them arrived.
    const burst = await Promise.all([fresh(), fresh(), fresh()])
    expect(reads).toBe(1)
    expect(burst.map((result) => result.snapshot?.tokens.get('pages'))).toEqual(['1', '1', '1'])

    const slow = fresh()
    await new Promise((resolve) => setImmediate(resolve))
    expect(reads).toBe(2) // begun, not finished
    // Arrived after read 2 began (it may predate a change this client saw commit): read 3.
    const late = fresh()
    const alsoLate = fresh()
    release!()
    expect((await slow).snapshot?.tokens.get('pages')).toBe('2')
    expect((await late).snapshot?.tokens.get('pages')).toBe('3')
    expect((await alsoLate).sequence).toBe((await late).sequence)
    expect(reads).toBe(3)
  })
})
