// Next.js calls register() once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS === "off") return;
  const { startWorkers } = await import("@/lib/jobs/queue");
  await startWorkers().catch((error: Error) => console.error(`[jobs] could not start the workers: ${error.message}`));
}
