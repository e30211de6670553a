import sharp, { type Sharp as SharpInstance } from 'sharp'

import { concurrencyLimit } from '../utilities/concurrencyLimit'
import { intFromEnv } from '../utilities/env'

/**
 * At most IMAGE_DECODES_AT_ONCE (default 2) images are decoded at the same time in this
 * process (issue 10); the others wait in arrival order. Decoding is where an image costs
 * memory (width × height × channels, up to IMAGE_MAX_MEGAPIXELS); without a bound, a
 * batch of uploads adds up to gigabytes at once.
 *
 * Why our own wrapper: sharp is lazy — nothing is decoded until a pipeline's output is
 * asked for (`toBuffer`, `toFile`) — and Payload calls those itself (image sizes, crops,
 * animated files) with the `sharp` function we hand it in the config. So the bound sits
 * on those two calls of every instance this function makes. `metadata()` reads only the
 * header and is not limited. A slot is taken only once Payload resizes, i.e. after the
 * request was authorised and its body read, so an anonymous or slow client never holds one.
 */
type Sharp = typeof sharp

let limiter: ReturnType<typeof concurrencyLimit> | undefined
let running = 0
let peak = 0

const decode = <T>(work: () => Promise<T>): Promise<T> => {
  limiter ??= concurrencyLimit(intFromEnv('IMAGE_DECODES_AT_ONCE', 2))
  return limiter(async () => {
    running += 1
    peak = Math.max(peak, running)
    try {
      return await work()
    } finally {
      running -= 1
    }
  })
}

/** Decodes running now, and the most that ran at once since the process started. */
export const imageDecodeStats = () => ({ running, peak })

const LIMITED = ['toBuffer', 'toFile'] as const

const limit = (instance: SharpInstance): SharpInstance => {
  for (const name of LIMITED) {
    const original = instance[name] as (...args: unknown[]) => unknown
    Object.defineProperty(instance, name, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        const last = args.at(-1)
        if (typeof last !== 'function')
          return decode(() => original.apply(instance, args) as Promise<unknown>)
        // Callback style: sharp calls back (error, data, info) and returns the instance.
        const callback = last as (...result: unknown[]) => void
        let called = false
        decode(
          () =>
            new Promise<void>((resolve) => {
              original.apply(instance, [
                ...args.slice(0, -1),
                (...result: unknown[]) => {
                  resolve()
                  called = true
                  callback(...result)
                },
              ])
            }),
        ).catch((error: unknown) => {
          if (!called) callback(error)
        })
        return instance
      },
    })
  }
  // A clone decodes on its own: it gets the same bound.
  const clone = instance.clone.bind(instance)
  Object.defineProperty(instance, 'clone', {
    configurable: true,
    writable: true,
    value: () => limit(clone()),
  })
  return instance
}

/**
 * `sharp` with the decode bound above: the same function and statics (a Proxy), every
 * instance it makes limited. Given to Payload as `config.sharp`, used by our own hooks.
 */
export const limitedSharp: Sharp = new Proxy(sharp, {
  apply: (target, thisArg, args: Parameters<Sharp>) => limit(Reflect.apply(target, thisArg, args)),
  construct: (target, args: Parameters<Sharp>) => limit(Reflect.construct(target, args)),
})
