import { describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { imageDecodeStats, limitedSharp } from '../../src/images/limitedSharp'

/**
 * The decode bound of issue 10 on real sharp and real images: many decodes asked for at
 * once run at most IMAGE_DECODES_AT_ONCE at a time, every one still finishes with the
 * right result (promise, callback and clone styles), and a failing decode frees its slot.
 */
process.env.IMAGE_DECODES_AT_ONCE = '2'

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#2a6' } })
    .png()
    .toBuffer()

describe('limitedSharp', () => {
  it('decodes at most IMAGE_DECODES_AT_ONCE images at once, and all of them', async () => {
    const input = await image(2400, 1800)
    const sizes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        limitedSharp(input)
          .resize({ width: 100 + i })
          .toBuffer({ resolveWithObject: true })
          .then(({ info }) => info.width),
      ),
    )
    expect(sizes).toEqual([100, 101, 102, 103, 104, 105, 106, 107])
    // Eight asked for at once: the bound, reached and not passed.
    expect(imageDecodeStats().peak).toBe(2)
    expect(imageDecodeStats().running).toBe(0)
  })

  it('limits clones and callback-style calls too, and keeps their results', async () => {
    const input = await image(1200, 900)
    const base = limitedSharp(input)
    const viaCallback = new Promise<{ width: number }>((resolve, reject) =>
      base
        .clone()
        .resize({ width: 50 })
        .toBuffer((error, _data, info) => (error ? reject(error) : resolve(info))),
    )
    const clones = Array.from({ length: 5 }, (_, i) =>
      base
        .clone()
        .resize({ width: 60 + i })
        .toBuffer({ resolveWithObject: true }),
    )
    expect((await viaCallback).width).toBe(50)
    expect((await Promise.all(clones)).map(({ info }) => info.width)).toEqual([60, 61, 62, 63, 64])
    expect(imageDecodeStats().peak).toBe(2)
  })

  it('frees the slot of a decode that fails', async () => {
    const broken = Buffer.from('geen afbeelding')
    const failures = await Promise.allSettled(
      Array.from({ length: 4 }, () => limitedSharp(broken).resize({ width: 10 }).toBuffer()),
    )
    expect(failures.every((result) => result.status === 'rejected')).toBe(true)
    expect(imageDecodeStats().running).toBe(0)
    // The slots are free again: a real image still decodes.
    const ok = await limitedSharp(await image(40, 30))
      .resize({ width: 20 })
      .toBuffer({ resolveWithObject: true })
    expect(ok.info.width).toBe(20)
  })
})
