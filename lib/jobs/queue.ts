import "server-only";
import { PgBoss } from "pg-boss";
import { config } from "@/lib/config";
import { log } from "@/lib/runtime/log";

const jobsLog = log.child({ area: "jobs" });
import { onShutdown } from "@/lib/runtime/lifecycle";

// A PostgreSQL-backed job queue (pg-boss): jobs live in the database, so any instance can run
// them, each runs once (SKIP LOCKED), and nothing is lost when an instance stops. This is the
// queue's client only; it knows nothing of the domain. The workers are registered in
// lib/workers.ts, which imports the domain's handlers.
export const QUEUES = { closeVote: "vote-close", sweep: "vote-sweep", mail: "mail", housekeeping: "housekeeping" } as const;

/**
 * The queue's own schema. pg-boss 12 cannot upgrade the `pgboss` schema that pg-boss 10 made, so it
 * keeps its tables apart: instances of the previous version go on with theirs during a rolling update
 * (both kinds of worker are safe together: closing a vote and sending a mail are guarded claims), and
 * the old schema is dropped once none runs (README, Migrations in production).
 */
export const JOBS_SCHEMA = "jobs";

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

export function queue(): Promise<PgBoss> {
  globalForBoss.boss ??= (async () => {
    const boss = new PgBoss({ connectionString: config().directDatabaseUrl, schema: JOBS_SCHEMA, max: 3, application_name: "irci-jobs" });
    boss.on("error", (error) => jobsLog.error({ err: error }, error.message));
    // Maintenance findings (an index to rebuild, a table to vacuum) are worth a line in the log.
    boss.on("warning", (warning) => jobsLog.warn(warning.message));
    await boss.start();
    // An instance that only sends jobs (JOBS=off) still holds the queue's pool: closed at shutdown
    // after the workers (lib/workers.ts), which stop this same client first when they run here.
    onShutdown({ name: "job queue", order: 11, stop: () => boss.stop({ graceful: true, close: true }) });
    for (const name of Object.values(QUEUES)) await boss.createQueue(name);
    return boss;
  })().catch((error: unknown) => {
    // Not started (say, the database was not up yet): the next call tries again.
    globalForBoss.boss = undefined;
    throw error;
  });
  return globalForBoss.boss;
}
