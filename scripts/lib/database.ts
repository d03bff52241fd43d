// Which database a command-line script talks to: DATABASE_URL when set; otherwise the embedded
// PostgreSQL in .data/, reached through the running portal when it is up, or started here for the
// duration of the command.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { isRoot, startEmbeddedDatabase } from "../../ops/embedded/server";
import { PROJECT_ROOT } from "../../ops/migrate/engine";

export const DATA_DIR = process.env.EMBEDDED_DATA_DIR ? path.resolve(process.env.EMBEDDED_DATA_DIR) : path.join(PROJECT_ROOT, ".data");
export const CLUSTER_DIR = path.join(DATA_DIR, "postgres");
const PASSWORD_FILE = path.join(DATA_DIR, "postgres-password");
/** Where versions before the real embedded PostgreSQL kept their PGlite database. */
export const LEGACY_PGLITE_DIR = path.join(DATA_DIR, "pglite");
const LOCK_FILE = path.join(DATA_DIR, "embedded.json");
/** The portal's database inside the embedded server. */
const DATABASE_NAME = "irci";

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // a lock left by an earlier life of this very pid
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

interface Lock {
  pid: number;
  url: string | null;
}

function readLock(): Lock | undefined {
  try {
    return JSON.parse(readFileSync(LOCK_FILE, "utf8")) as Lock;
  } catch {
    return undefined;
  }
}

/** The URL of an embedded database some running `npm start` is serving, if any. */
export function runningEmbeddedUrl(): string | undefined {
  const lock = readLock();
  return lock && isAlive(lock.pid) && lock.url ? lock.url : undefined;
}

/** Takes the data folder before opening it: "wx" creates the lock only if nobody holds it. */
function takeLock() {
  mkdirSync(DATA_DIR, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(LOCK_FILE, JSON.stringify({ pid: process.pid, url: null }), { flag: "wx", mode: 0o600 });
      return;
    } catch {
      const holder = readLock();
      if (holder && isAlive(holder.pid)) {
        throw new Error(
          holder.url
            ? `The embedded database is already served by a running portal (pid ${holder.pid}).`
            : "Another process is opening the embedded database right now.",
        );
      }
      rmSync(LOCK_FILE, { force: true }); // left by a process that is gone
    }
  }
  throw new Error("Could not take the embedded database's lock file.");
}

/** What an earlier version's PGlite folder means for this one: said at every start while it is there. */
export function legacyPgliteNotice(): string | undefined {
  if (!existsSync(LEGACY_PGLITE_DIR)) return undefined;
  return [
    `Found ${path.relative(process.cwd(), LEGACY_PGLITE_DIR) || LEGACY_PGLITE_DIR}: the database of an earlier version of the portal (PGlite).`,
    "  This version runs a real PostgreSQL server instead, in its own folder, so that folder is left untouched and",
    "  is not used. See README, 'Upgrading from the PGlite database', to carry your data over or to remove it.",
  ].join("\n");
}

async function ensureDatabase(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [DATABASE_NAME]);
    if (!rowCount) await client.query(`create database ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE_NAME}`;
  return url.toString();
}

/** Starts the embedded server on .data/postgres, holding the lock until stop(). */
export async function openEmbedded(options: { onLog?: (line: string) => void } = {}) {
  const running = runningEmbeddedUrl();
  if (running)
    throw new Error("The embedded database is already served by a running portal: stop it first, or run this command while it runs.");
  takeLock();
  // As root the server runs as `postgres`, who must enter this folder whatever the umask made it.
  if (isRoot()) chmodSync(DATA_DIR, 0o755);
  let server;
  try {
    server = await startEmbeddedDatabase({ clusterDir: CLUSTER_DIR, passwordFile: PASSWORD_FILE, onLog: options.onLog });
  } catch (error) {
    rmSync(LOCK_FILE, { force: true });
    throw error;
  }
  let url: string;
  try {
    url = await ensureDatabase(server.url);
  } catch (error) {
    await server.stop();
    rmSync(LOCK_FILE, { force: true });
    throw error;
  }
  writeFileSync(LOCK_FILE, JSON.stringify({ pid: process.pid, url }), { mode: 0o600 });
  return {
    url,
    port: server.port,
    async stop() {
      await server.stop();
      rmSync(LOCK_FILE, { force: true });
    },
  };
}

/** Runs `fn` with a database URL, opening and closing the embedded database when needed. */
export async function withDatabase<T>(fn: (url: string, kind: "server" | "embedded") => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL, "server");
  const running = runningEmbeddedUrl();
  if (running) return fn(running, "embedded");
  const db = await openEmbedded();
  try {
    return await fn(db.url, "embedded");
  } finally {
    await db.stop();
  }
}

/** Hides credentials when a URL is printed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
