// Readiness: whether the load balancer may send this instance requests (lib/health.ts). 200 when
// every check passes, 503 otherwise, with each check's result for the operator. No session needed.
import path from "node:path";
import { db } from "@/lib/db";
import { cachedReadiness } from "@/lib/health";
import { isDraining } from "@/lib/runtime/lifecycle";
import { workersRunning } from "@/lib/workers";

export const dynamic = "force-dynamic";

const readiness = cachedReadiness(() => ({
  db,
  // The server runs from the project's folder (or /app in the image, where the migrations are copied).
  migrationsDir: path.join(process.cwd(), "prisma", "migrations"),
  jobsEnabled: process.env.JOBS !== "off",
  workersRunning,
  isDraining,
}));

export async function GET() {
  const { ready, checks } = await readiness();
  return Response.json(
    { status: ready ? "ready" : "unavailable", checks },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
