// Next.js calls register() once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS === "off") return;
  const { startWorkersWithRetry } = await import("@/lib/jobs/queue");
  // Not awaited: the server serves pages while the workers start (and retry if the database is late).
  void startWorkersWithRetry();
}
