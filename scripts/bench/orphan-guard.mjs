/**
 * Preloaded (`node --import`) into every process the benchmark starts: exits when
 * the benchmark itself dies (even by SIGKILL), so no server is left running.
 * A parent that dies re-parents us, which changes process.ppid.
 */
const parent = process.ppid
setInterval(() => {
  if (process.ppid !== parent) process.exit(0)
}, 500).unref()
