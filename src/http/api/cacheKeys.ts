/**
 * What identifies an anonymous answer: everything in the request that can change
 * it. Used by the routes that fill the cache and by the fast path that reads it
 * (src/http/cachedAnswers.ts), so both must build keys here.
 */
export const restCacheKey = (url: string, origin: string | undefined): string =>
  ['rest', url, origin ?? ''].join('\n')

export const graphqlCacheKey = (
  url: string,
  bodyHash: string,
  accept: string | undefined,
  origin: string | undefined,
): string => ['graphql', url, bodyHash, accept ?? '', origin ?? ''].join('\n')
