// A portal instance of a suite's own: the production build on a fresh database, on a free port.
// For the suites that write a great deal (the authorization matrix, the bad-input suite) or need a
// configuration of their own (a real SMTP server for the timing suite), so that what they do never
// shows in the pages the other end-to-end tests look at.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "../lib/prisma-client";
import { freePort } from "../ops/embedded/server";
import { SERVER_BUNDLE } from "../ops/server/paths";
import { createTestDatabase, migrate } from "../scripts/lib/test-database";

const ROOT = path.join(__dirname, "..");

/** The secret the end-to-end servers sign with (sessions, unsubscribe links): a test value only. */
export const E2E_SECRET = "e2e-only-4c7d1a9f0b3e8265-not-for-production";

export interface Portal {
  baseURL: string;
  /** The portal's database, as the tests reach it directly. */
  databaseUrl: string;
  db: PrismaClient;
  /** The server process: the operations suites signal it themselves. */
  server: ChildProcess;
  stop(): Promise<void>;
}

export interface PortalOptions {
  demo: boolean;
  env?: Record<string, string>;
  /**
   * Serve an existing database (another instance's, or one on a server the test restarts) instead
   * of a fresh one: it is neither migrated, seeded nor dropped here.
   */
  databaseUrl?: string;
}

export async function startPortal(label: string, options: PortalOptions): Promise<Portal> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => {} } : await createTestDatabase(label);
  if (!options.databaseUrl) await migrate(database.url);
  const db = createPrismaClient(database.url, 4);
  if (!options.databaseUrl) {
    const { seedDatabase } = await import("../ops/seed");
    await seedDatabase(db, { demo: options.demo });
  }
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const server = spawn(process.execPath, [SERVER_BUNDLE], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: "8",
      PORTAL_MODE: options.demo ? "demo" : "production",
      PORTAL_DEMO_ON_SERVER: options.demo ? "true" : "false",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: E2E_SECRET,
      PORT: String(port),
      // Warnings and errors only: an access log line per request would bury the tests' own output.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      ...options.env,
    },
  });
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      await exited;
    }
    await db.$disconnect();
    await database.drop();
  };
  // Ready when it answers; a busy machine may take a while to start it.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`the ${label} portal exited with code ${server.exitCode} while starting`);
    }
    if (
      await fetch(`${baseURL}/signin`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the ${label} portal did not answer within 3 minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseURL, databaseUrl: database.url, db, server, stop };
}
