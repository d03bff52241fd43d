import "server-only";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { config } from "@/lib/config";
import { onShutdown } from "@/lib/runtime/lifecycle";

// One client (one connection pool) per server process, created on first use so that building
// the app needs no database, and kept across hot reloads in development.
// On globalThis: route handlers and pages are bundled apart, and must share one pool and one count.
const globalForPrisma = globalThis as unknown as {
  prisma?: PrismaClient;
  queryListeners?: Set<(sql: string) => void>;
  queryCount?: { total: number; recent: string[] };
};
const listeners = (globalForPrisma.queryListeners ??= new Set());
/** Statements sent, and the last hundred of them kept only for the benchmark (BENCH_STATS=1). */
const counter = (globalForPrisma.queryCount ??= { total: 0, recent: [] });
// Read once: every SQL statement passes through the listener below.
const keepRecent = process.env.BENCH_STATS === "1";

function client(): PrismaClient {
  if (!globalForPrisma.prisma) {
    // `next build` prerenders what it takes for static, running its data code: a page that reads
    // data at build time needs a database then, and shows stale data after. Such pages must be
    // dynamic (read the session, or call `await connection()`); fail the build to say so.
    if (process.env.NEXT_PHASE === "phase-production-build") {
      throw new Error("A page read the database while being built: make it dynamic (await connection() from next/server).");
    }
    const { DATABASE_URL, DATABASE_POOL_SIZE } = config();
    globalForPrisma.prisma = createPrismaClient(DATABASE_URL, DATABASE_POOL_SIZE, (sql) => {
      counter.total++;
      if (keepRecent) {
        counter.recent.push(sql);
        if (counter.recent.length > 100) counter.recent.shift();
      }
      for (const listener of listeners) listener(sql);
    });
    // Last at shutdown, once the requests and the job workers that query through it are done.
    onShutdown({ name: "database pool", order: 30, stop: () => client().$disconnect() });
  }
  return globalForPrisma.prisma;
}

/** Hears every SQL statement the app sends (for query counts in tests and benchmarks). */
export function onQuery(listener: (sql: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** SQL statements this process has sent since it started (read by the benchmark, see bench/). */
export function queriesSent(): number {
  return counter.total;
}

export function recentQueries(): string[] {
  return [...counter.recent];
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});
