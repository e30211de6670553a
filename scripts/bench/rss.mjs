/**
 * Memory of a process from /proc/<pid>/status: VmHWM is the kernel's peak resident
 * set since the process started; VmRSS sampled every 100 ms gives the peak while
 * the sampler is marked "under load".
 */
import fs from 'node:fs'

const readKb = (pid, field) => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))
    return match ? Number(match[1]) : undefined
  } catch {
    return undefined
  }
}

const mb = (kb) => (kb === undefined ? undefined : Math.round((kb / 1024) * 10) / 10)

export const sampleMemory = (pid) => {
  let loadPeakKb = 0
  let underLoad = false
  let lastHwmKb
  const timer = setInterval(() => {
    const rss = readKb(pid, 'VmRSS')
    lastHwmKb = readKb(pid, 'VmHWM') ?? lastHwmKb
    if (underLoad && rss !== undefined) loadPeakKb = Math.max(loadPeakKb, rss)
  }, 100)
  timer.unref()
  return {
    setUnderLoad: (value) => (underLoad = value),
    /** Call before the process stops: reads VmHWM one last time. */
    finish: () => {
      clearInterval(timer)
      lastHwmKb = readKb(pid, 'VmHWM') ?? lastHwmKb
      return { peakRssMb: mb(lastHwmKb), peakRssUnderLoadMb: mb(loadPeakKb || undefined) }
    },
  }
}
