import "server-only";
// What the load balancer and the container engine ask an instance: is the process up (liveness),
// and may it be sent requests (readiness: its database answers, every migration this build ships
// is applied, its job workers run, and it is not shutting down). One SQL statement per check, at
// most one check in flight, and its answer reused for a second: probes every few seconds from
// several balancers cost the database next to nothing.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/prisma-client";
import { isDatabaseUnreachable } from "@/lib/runtime/database-outage";

export interface CheckResult {
  ok: boolean;
  /** Plain words for the operator: never a connection string, a stack or a secret. */
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; migrations: CheckResult & { pending?: string[] }; workers: CheckResult; draining: CheckResult };
}

export interface ReadinessSources {
  db: PrismaClient;
  /** The build's migrations: prisma/migrations under the server's working folder. */
  migrationsDir: string;
  /** Whether this process is expected to run job workers (JOBS=off runs none). */
  jobsEnabled: boolean;
  workersRunning: () => boolean;
  isDraining: () => boolean;
  timeoutMs?: number;
}

/** The migration folders of this build (read once: they do not change while the server runs). */
const shipped = new Map<string, string[] | null>();
function shippedMigrations(dir: string): string[] | null {
  if (!shipped.has(dir)) {
    try {
      shipped.set(
        dir,
        readdirSync(dir)
          .filter((name) => statSync(path.join(dir, name)).isDirectory())
          .sort(),
      );
    } catch {
      shipped.set(dir, null);
    }
  }
  return shipped.get(dir)!;
}

class TimedOut extends Error {}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

type DatabaseChecks = Pick<Readiness["checks"], "database" | "migrations">;

/**
 * A check query that has not come back, by client: while a database hangs (a dropped network path,
 * not a refused connection), later probes wait on it instead of piling up connection attempts.
 */
const unanswered = new WeakMap<object, Promise<unknown>>();

/** The database's part of the checks (one SQL statement). */
async function checkDatabase(sources: ReadinessSources): Promise<DatabaseChecks> {
  const timeoutMs = sources.timeoutMs ?? 2000;
  let database: CheckResult;
  let migrations: Readiness["checks"]["migrations"];
  const expected = shippedMigrations(sources.migrationsDir);
  const started = Date.now();
  try {
    // One statement answers both: the database is there, and which migrations it finished (a
    // migration that failed and was rolled back has a row too, with rolled_back_at set).
    let query = unanswered.get(sources.db) as Promise<{ migration_name: string }[]> | undefined;
    if (!query) {
      query = sources.db.$queryRaw<{ migration_name: string }[]>`
        select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null`;
      const asked = query;
      unanswered.set(sources.db, asked);
      void asked.then(
        () => unanswered.get(sources.db) === asked && unanswered.delete(sources.db),
        () => unanswered.get(sources.db) === asked && unanswered.delete(sources.db),
      );
    }
    const rows = await within(query, timeoutMs);
    database = { ok: true, detail: `answered in ${Date.now() - started} ms` };
    const applied = new Set(rows.map((r) => r.migration_name));
    if (!expected) {
      migrations = { ok: false, detail: "prisma/migrations was not found in the server's working folder" };
    } else {
      const pending = expected.filter((name) => !applied.has(name));
      migrations = pending.length
        ? {
            ok: false,
            detail: `${pending.length} of ${expected.length} migrations not applied: run the migrations (npm run db:migrate)`,
            pending,
          }
        : { ok: true, detail: `all ${expected.length} applied` };
    }
  } catch (error) {
    if (error instanceof TimedOut) {
      database = { ok: false, detail: `did not answer within ${timeoutMs} ms` };
      migrations = { ok: false, detail: "unknown: the database did not answer" };
    } else if (isDatabaseUnreachable(error)) {
      database = { ok: false, detail: "cannot be reached" };
      migrations = { ok: false, detail: "unknown: the database cannot be reached" };
    } else if (tableMissing(error)) {
      database = { ok: true, detail: `answered in ${Date.now() - started} ms` };
      migrations = { ok: false, detail: "no migration was ever applied to this database: run the migrations (npm run db:migrate)" };
    } else {
      database = { ok: false, detail: "the check query failed" };
      migrations = { ok: false, detail: "unknown: the check query failed" };
    }
  }
  return { database, migrations };
}

/** This process's part of the checks: no I/O, read fresh on every probe. */
function withProcessChecks(fromDatabase: DatabaseChecks, sources: ReadinessSources): Readiness {
  const workers: CheckResult = !sources.jobsEnabled
    ? { ok: true, detail: "not run by this instance (JOBS=off)" }
    : sources.workersRunning()
      ? { ok: true, detail: "running" }
      : { ok: false, detail: "not running (yet): they start with the server and retry while the database is away" };
  const draining: CheckResult = sources.isDraining()
    ? { ok: false, detail: "shutting down: finishing its requests, taking no new ones" }
    : { ok: true, detail: "serving" };
  const checks = { ...fromDatabase, workers, draining };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}

/** The checks, run now. */
export async function checkReadiness(sources: ReadinessSources): Promise<Readiness> {
  return withProcessChecks(await checkDatabase(sources), sources);
}

function tableMissing(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } })?.meta
    ?.driverAdapterError?.cause;
  return cause?.kind === "TableDoesNotExist" || cause?.originalCode === "42P01";
}

/**
 * The checks with the database's answer reused for `maxAgeMs`, and one query at a time: a database
 * that hangs holds one connection attempt, not one per probe. Draining and the workers are read
 * fresh on every call: the balancer must hear at once that an instance is shutting down.
 */
export function cachedReadiness(sources: () => ReadinessSources, maxAgeMs = 1000): () => Promise<Readiness> {
  let last: { at: number; result: DatabaseChecks } | undefined;
  let running: Promise<DatabaseChecks> | undefined;
  return async () => {
    const current = sources();
    if (last && Date.now() - last.at < maxAgeMs) return withProcessChecks(last.result, current);
    running ??= checkDatabase(current).finally(() => {
      running = undefined;
    });
    const result = await running;
    last = { at: Date.now(), result };
    return withProcessChecks(result, current);
  };
}
