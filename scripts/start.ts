// npm start: the whole portal with one command.
// Without DATABASE_URL it runs on the embedded PostgreSQL server kept in .data/, in demo mode,
// migrated and seeded on first run; with DATABASE_URL it uses that server. It builds the app when
// no build exists (the build needs no database), then serves it. Ctrl-C stops everything it started.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseConfig } from "../lib/config";
import { openEngine, PROJECT_ROOT } from "../ops/migrate/engine";
import { BUNDLE_SCRIPT, nextBuildExists, SERVER_BUNDLE, serverBundleExists } from "../ops/server/paths";
import { DATA_DIR, legacyPgliteNotice, openEmbedded, redactUrl } from "./lib/database";
import { requireSupportedNode } from "./lib/node-version";

requireSupportedNode();

/** What `npm run bench` measured the server with: see README, Performance. */
const SERVER_NODE_OPTIONS = "--max-old-space-size=288 --max-semi-space-size=32";
/** While the build is quiet for this long, say that it is still at work. */
const HEARTBEAT_MS = 15_000;

const startedAt = Date.now();
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");

const seconds = () => `${Math.round((Date.now() - startedAt) / 1000)} s`;
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
let child: ChildProcess | undefined = undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  await stopDatabase().catch((error: Error) => console.error(`[portal] stopping the database: ${error.message}`));
  log("stopped: web server and database");
  process.exit(code);
}

/**
 * `next build` in a child process that the event loop keeps watching (never spawnSync): its output
 * passes through, and while it is quiet a line says it is still at work. Its environment has no
 * DATABASE_URL: no page may read data at build time (lib/db.ts refuses to during a build).
 */
function build(env: NodeJS.ProcessEnv): Promise<void> {
  const buildEnv = { ...env };
  delete buildEnv.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let lastOutput = Date.now();
    child = spawn(process.execPath, [nextBin, "build"], { env: buildEnv, cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const forward = (to: NodeJS.WriteStream) => (chunk: Buffer) => {
      lastOutput = Date.now();
      to.write(chunk);
    };
    child.stdout?.on("data", forward(process.stdout));
    child.stderr?.on("data", forward(process.stderr));
    const heartbeat = setInterval(() => {
      if (Date.now() - lastOutput < HEARTBEAT_MS) return;
      lastOutput = Date.now();
      log(`still building (${Math.round((Date.now() - started) / 1000)} s so far)`);
    }, 1000);
    child.once("exit", (code, signal) => {
      clearInterval(heartbeat);
      if (stopping) return;
      if (code === 0) resolve();
      else reject(new Error(`the build failed (${signal ?? `exit code ${code}`}); its messages are above`));
    });
  });
}

/** Resolves when the server answers HTTP, to say when the portal is ready (not just launched). */
async function answered(url: string): Promise<boolean> {
  for (;;) {
    if (stopping) return false;
    const ok = await fetch(url, { redirect: "manual" }).then(
      () => true,
      () => false,
    );
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main() {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  // The terminal closed: stop as for Ctrl-C rather than leave the database running.
  process.on("SIGHUP", () => void shutdown(0));
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

  if (!existsSync(path.join(PROJECT_ROOT, "lib", "generated", "prisma", "client.ts"))) {
    log("generating the database client");
    run("npm", ["run", "--silent", "db:generate"], env);
  }

  if (env.DATABASE_URL) {
    log(`database: ${redactUrl(env.DATABASE_URL)}`);
  } else {
    const notice = legacyPgliteNotice();
    if (notice) console.warn(`[portal] ${notice}`);
    log("starting the embedded PostgreSQL server");
    const db = await openEmbedded();
    stopDatabase = db.stop;
    env.DATABASE_URL = db.url;
    env.EMBEDDED_DATABASE = "true";
    env.PORTAL_MODE ??= "demo";
    env.NEXTAUTH_SECRET ??= embeddedSecret();
    log(`database: embedded PostgreSQL on 127.0.0.1:${db.port}, data in ${path.relative(process.cwd(), DATA_DIR) || "."}/postgres`);
  }
  // On a machine of one's own the portal is at this address; a production portal must say its public one.
  if (env.PORTAL_MODE === "demo" || dev) env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  if (!env.NEXTAUTH_SECRET) throw new Error("Set NEXTAUTH_SECRET (a long random string) when using DATABASE_URL.");
  // A misconfigured portal does not start: it says what is wrong instead of serving errors. Checked
  // as the server will run (in production unless --dev), before the database is migrated.
  parseConfig({ ...env, NODE_ENV: dev ? "development" : "production" });

  if (env.MIGRATE_ON_START !== "false") {
    const engine = await openEngine(env.DATABASE_URL);
    try {
      const applied = await engine.deploy();
      log(applied.length ? `applied ${applied.length} migrations` : "database schema is up to date");
    } finally {
      await engine.close();
    }
  }

  // Imported only now: the seed needs the generated client.
  const { createPrismaClient } = await import("../lib/prisma-client");
  const { seedDatabase } = await import("../ops/seed");
  const prisma = createPrismaClient(env.DATABASE_URL, 2);
  try {
    if ((await prisma.organization.count()) === 0) {
      const demo = env.PORTAL_MODE === "demo";
      const s = await seedDatabase(prisma, { demo });
      log(
        `first run: seeded ${s.organizations} organizations, ${s.groups} expert groups, ${s.people} demo people, ${s.proposals} proposals`,
      );
    }
  } finally {
    await prisma.$disconnect();
  }

  if (!dev && !nextBuildExists()) {
    log("no build found: building the portal once (the long part: a minute or two; progress below)");
    await build(env);
    log(`built (${seconds()} since npm start)`);
  }
  // The portal's own server entry, bundled after `next build` (a second or so): made here too when
  // the build came from `next build` alone or from a version before it existed.
  if (!dev && !serverBundleExists()) run(process.execPath, ["--import", "tsx", BUNDLE_SCRIPT], env);

  log(`starting the ${dev ? "development " : ""}web server`);
  // Production: our server entry (ops/server/main.ts) around Next, which drains and stops the job
  // workers and pools on SIGTERM. Development: Next's own development server.
  const command = dev ? [nextBin, "dev", "-p", String(port)] : [SERVER_BUNDLE];
  child = spawn(process.execPath, command, {
    // The server's heap sized like a container's, unless you say otherwise (README, Performance).
    env: dev ? env : { ...env, PORT: String(port), NODE_OPTIONS: env.NODE_OPTIONS ?? SERVER_NODE_OPTIONS },
    cwd: PROJECT_ROOT,
    stdio: "inherit",
  });
  child.on("exit", (code, signal) => {
    // Killed by a signal (out of memory, say) is a failure, not a clean stop.
    void shutdown(code ?? (signal ? 1 : 0));
  });
  if (await answered(`http://127.0.0.1:${port}/robots.txt`)) {
    log(`${env.PORTAL_MODE === "demo" ? "demo " : ""}portal ready on ${env.NEXTAUTH_URL} (${seconds()} after npm start). Ctrl-C stops it.`);
  }
}

main().catch(async (error: Error) => {
  console.error(`[portal] could not start: ${error.message}`);
  stopping = true;
  if (child && child.exitCode === null) child.kill("SIGTERM");
  await stopDatabase().catch(() => undefined);
  process.exit(1);
});
