export type ShareLinks = {
  canonical: string
  linkedin: string
  x: string
  facebook: string
  whatsapp: string
  email: string
}

/** The "Delen op Social Media" links for one canonical URL. */
export const shareLinks = (canonical: string, title: string): ShareLinks => {
  const url = encodeURIComponent(canonical)
  const text = encodeURIComponent(title)
  return {
    canonical,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${url}`,
    x: `https://x.com/intent/tweet?url=${url}&text=${text}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${url}`,
    whatsapp: `https://wa.me/?text=${encodeURIComponent(`${title} ${canonical}`)}`,
    email: `mailto:?subject=${text}&body=${url}`,
  }
}
