// The server the end-to-end tests drive: the production build (built here if missing) on a
// fresh, migrated and seeded database that is dropped when Playwright stops the server.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../ops/migrate/engine";
import { BUNDLE_SCRIPT, SERVER_BUNDLE, serverBundleExists } from "../ops/server/paths";
import { createTestDatabase, migrate } from "../scripts/lib/test-database";
import { serverEnv } from "./server-process";

const port = process.env.E2E_PORT ?? "3210";
const nextBin = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");

async function main() {
  if (!existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) {
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  if (!serverBundleExists()) {
    const bundle = spawnSync(process.execPath, ["--import", "tsx", BUNDLE_SCRIPT], { stdio: "inherit", cwd: PROJECT_ROOT });
    if (bundle.status !== 0) throw new Error("bundling the server entry failed");
  }
  const database = await createTestDatabase("e2e");
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await database.drop().catch((error: Error) => console.error(`[e2e] could not drop the database: ${error.message}`));
  };
  await migrate(database.url);
  const { createPrismaClient } = await import("../lib/prisma-client");
  const { seedDatabase } = await import("../ops/seed");
  const db = createPrismaClient(database.url, 2);
  await seedDatabase(db, { demo: true });
  await db.$disconnect();

  // Demo mode, mail in the development mailbox where the tests read the sign-in links; warnings and
  // errors only: an access log line per request would bury the tests' own output.
  const env = serverEnv(Number(port), { databaseUrl: database.url, demo: true, env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" } });
  // The server the production image runs (ops/server/main.ts), from the project root.
  const server = spawn(process.execPath, [SERVER_BUNDLE], { cwd: PROJECT_ROOT, stdio: "inherit", env });
  const stop = () => {
    server.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", async (code) => {
    await drop();
    process.exit(code ?? 0);
  });
}

main().catch((error: Error) => {
  console.error(`[e2e] ${error.message}`);
  process.exit(1);
});
