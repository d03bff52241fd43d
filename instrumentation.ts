// Next.js calls register() once when a server instance starts, in the Node.js runtime and in the edge
// runtime alike: the workers are imported here only for the former.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS === "off") return;
  const { startWorkersWithRetry } = await import("@/lib/workers");
  // Not awaited: the server serves pages while the workers start (and retry if the database is late).
  void startWorkersWithRetry();
}
