// npm start: the whole portal with one command.
// Without DATABASE_URL it runs on the embedded PostgreSQL (PGlite) kept in .data/, in demo mode,
// migrated and seeded on first run; with DATABASE_URL it uses that server. It builds the app when
// no build exists, then serves it. Ctrl-C stops everything it started.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openEngine, PROJECT_ROOT } from "../lib/migrate/engine";
import { DATA_DIR, openEmbedded, redactUrl } from "./lib/database";

/** What `npm run bench` measured the server with: see README, Performance. */
const SERVER_NODE_OPTIONS = "--max-old-space-size=288 --max-semi-space-size=32";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");

function log(message: string) {
  console.log(`[portal] ${message}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { stdio: "inherit", env, cwd: PROJECT_ROOT });
  if (result.status !== 0) throw new Error(`${[command, ...args].join(" ")} failed`);
}

/** The embedded demo keeps its own session secret, made once, so sign-ins survive restarts. */
function embeddedSecret(): string {
  const file = path.join(DATA_DIR, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

let stopDatabase: () => Promise<void> = async () => {};

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  let child: ChildProcess | undefined = undefined;
  let childExited = false;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && !childExited) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child?.once("exit", resolve));
    }
    await stopDatabase();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  if (!existsSync(path.join(PROJECT_ROOT, "lib", "generated", "prisma", "client.ts"))) {
    log("generating the database client");
    run("npm", ["run", "--silent", "db:generate"], env);
  }

  if (env.DATABASE_URL) {
    log(`database: ${redactUrl(env.DATABASE_URL)}`);
  } else {
    const db = await openEmbedded({ announce: true });
    stopDatabase = db.stop;
    env.DATABASE_URL = db.url;
    // PGlite serves one query at a time; a small pool is plenty and stays under its connection cap.
    env.DATABASE_POOL_SIZE ??= "8";
    env.PORTAL_MODE ??= "demo";
    env.NEXTAUTH_SECRET ??= embeddedSecret();
    log(`database: embedded PostgreSQL (PGlite) in ${path.relative(process.cwd(), DATA_DIR) || "."}/pglite`);
  }
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  if (!env.NEXTAUTH_SECRET) throw new Error("Set NEXTAUTH_SECRET (a long random string) when using DATABASE_URL.");

  if (env.MIGRATE_ON_START !== "false") {
    const engine = await openEngine(env.DATABASE_URL);
    try {
      const applied = await engine.deploy();
      log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
    } finally {
      await engine.close();
    }
  }

  // Imported only now: the seed needs the generated client.
  const { createPrismaClient } = await import("../lib/prisma-client");
  const { seedDatabase } = await import("../lib/seed");
  const prisma = createPrismaClient(env.DATABASE_URL, 2);
  try {
    if ((await prisma.organization.count()) === 0) {
      const demo = env.PORTAL_MODE === "demo";
      const s = await seedDatabase(prisma, { demo });
      log(`first run: seeded ${s.organizations} organizations, ${s.groups} expert groups, ${s.people} demo people, ${s.proposals} proposals`);
    }
  } finally {
    await prisma.$disconnect();
  }

  if (!dev && !existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) {
    log("no build found: building the portal (a minute or two, once)");
    run(process.execPath, [nextBin, "build"], env);
  }

  log(`${env.PORTAL_MODE === "demo" ? "demo " : ""}portal on ${env.NEXTAUTH_URL}`);
  child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], {
    // The server's heap sized like a container's, unless you say otherwise (README, Performance).
    env: dev ? env : { ...env, NODE_OPTIONS: env.NODE_OPTIONS ?? SERVER_NODE_OPTIONS },
    cwd: PROJECT_ROOT,
    stdio: "inherit",
  });
  child.on("exit", (code, signal) => {
    childExited = true;
    // Killed by a signal (out of memory, say) is a failure, not a clean stop.
    void shutdown(code ?? (signal ? 1 : 0));
  });
}

main().catch(async (error: Error) => {
  console.error(`[portal] could not start: ${error.message}`);
  await stopDatabase().catch(() => undefined);
  process.exit(1);
});
