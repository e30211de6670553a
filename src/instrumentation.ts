/**
 * Next.js calls this once when the server starts: Payload connects, runs the
 * migrations, seeds an empty embedded database and starts the job runner before
 * the first request, and the express server gets the same instance.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { startRuntime } = await import('./runtime/start')
  await startRuntime()
}
