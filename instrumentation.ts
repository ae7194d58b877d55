// Next.js calls register() once when each app instance starts. Work that every instance does
// in the background (the webhook and email job queue, the audit-log sealer) starts here, so a
// deployment of N stateless instances needs nothing but `npm start` on each.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("@/lib/server/background");
  await startBackgroundWork();
}
