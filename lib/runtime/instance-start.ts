// What a server instance does once, before and while it begins to serve (called by
// instrumentation.ts in the Node.js runtime only): refuse to start on bad settings, then start the
// job workers beside the server.
import { validateConfiguration } from "@/lib/config";

export async function startInstance(): Promise<void> {
  // `next build` loads instrumentation too, without the deployment's settings: nothing to check there.
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    // A misconfigured instance does not start: it logs what to fix instead of serving errors.
    if ((await validateConfiguration()).length) process.exit(1);
  }
  if (process.env.JOBS === "off") return;
  const { startWorkersWithRetry } = await import("@/lib/workers");
  // Not awaited: the server serves pages while the workers start (and retry if the database is late).
  void startWorkersWithRetry();
}
