// The database of the server the end-to-end tests drive (e2e/serve.ts), for suites that set up
// their cases and count rows directly: the authorization matrix and the bad-input suite.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "../lib/prisma-client";

/** The secret the end-to-end server signs with (sessions, unsubscribe links): a test value only. */
export const E2E_SECRET = "e2e-secret-not-for-production";

/** Where e2e/serve.ts writes its database's address while it runs (one file per port). */
export function e2eDatabaseFile(port: string | number): string {
  return path.join(tmpdir(), `irci-e2e-${port}.database-url`);
}

export function e2eDatabase(): PrismaClient {
  const port = process.env.E2E_PORT ?? "3210";
  return createPrismaClient(readFileSync(e2eDatabaseFile(port), "utf8").trim(), 4);
}
