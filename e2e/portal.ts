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
import { serverEnv, untilServing } from "./server-process";

export { E2E_SECRET } from "./server-process";

const ROOT = path.join(__dirname, "..");

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
    // Warnings and errors only: an access log line per request would bury the tests' own output.
    env: serverEnv(port, {
      databaseUrl: database.url,
      demo: options.demo,
      env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn", ...options.env },
    }),
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
  await untilServing(server, baseURL, label, stop);
  return { baseURL, databaseUrl: database.url, db, server, stop };
}
