/**
 * Privacy-friendly embed URL for a YouTube or Vimeo link: youtube-nocookie.com
 * for YouTube, `dnt=1` for Vimeo. Returns null for anything else.
 */
export const embedUrlFor = (externalUrl: string | null | undefined): string | null => {
  if (!externalUrl) return null
  let url: URL
  try {
    url = new URL(externalUrl)
  } catch {
    return null
  }
  const host = url.hostname.replace(/^www\.|^m\./, '')
  let youtubeId: string | null = null
  if (host === 'youtu.be') youtubeId = url.pathname.slice(1).split('/')[0] || null
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    youtubeId =
      url.searchParams.get('v') ??
      url.pathname.match(/^\/(?:embed|shorts|live)\/([^/?#]+)/)?.[1] ??
      null
  }
  if (youtubeId && /^[\w-]{6,20}$/.test(youtubeId)) {
    return `https://www.youtube-nocookie.com/embed/${youtubeId}`
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const vimeoId = url.pathname.match(/(?:^|\/)(\d{5,12})(?:$|\/)/)?.[1]
    if (vimeoId) return `https://player.vimeo.com/video/${vimeoId}?dnt=1`
  }
  return null
}
