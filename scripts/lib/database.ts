// Which database a command-line script talks to: DATABASE_URL when set; otherwise the embedded
// one in .data/, reached through the running portal when it is up (PGlite's folder can be
// opened by one process only), or opened here for the duration of the command.
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase } from "../../lib/embedded/server";
import { PROJECT_ROOT } from "../../lib/migrate/engine";

export const DATA_DIR = process.env.EMBEDDED_DATA_DIR
  ? path.resolve(process.env.EMBEDDED_DATA_DIR)
  : path.join(PROJECT_ROOT, ".data");
const PGLITE_DIR = path.join(DATA_DIR, "pglite");
const LOCK_FILE = path.join(DATA_DIR, "embedded.json");

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

/** The URL of an embedded database some running `npm start` is serving, if any. */
export function runningEmbeddedUrl(): string | undefined {
  if (!existsSync(LOCK_FILE)) return undefined;
  try {
    const { pid, url } = JSON.parse(readFileSync(LOCK_FILE, "utf8")) as { pid: number; url: string | null };
    return isAlive(pid) && url ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the data folder before opening it: "wx" creates the lock only if nobody holds it. */
function takeLock() {
  mkdirSync(DATA_DIR, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(LOCK_FILE, JSON.stringify({ pid: process.pid, url: null }), { flag: "wx" });
      return;
    } catch {
      let holder: { pid: number; url: string | null } | undefined;
      try {
        holder = JSON.parse(readFileSync(LOCK_FILE, "utf8"));
      } catch {
        holder = undefined;
      }
      if (holder && isAlive(holder.pid)) {
        throw new Error(holder.url ? `The embedded database is already served by a running portal at ${holder.url}.` : "Another process is opening the embedded database right now.");
      }
      rmSync(LOCK_FILE, { force: true }); // left by a process that is gone
    }
  }
  throw new Error("Could not take the embedded database's lock file.");
}

export async function openEmbedded(options: { announce: boolean; port?: number }) {
  const running = runningEmbeddedUrl();
  if (running) throw new Error(`The embedded database is already served by a running portal at ${running}.`);
  if (options.announce) takeLock();
  const db = await startEmbeddedDatabase({ dataDir: PGLITE_DIR, port: options.port ?? 0, maxConnections: 20 }).catch((error: Error) => {
    if (options.announce) rmSync(LOCK_FILE, { force: true });
    throw error;
  });
  if (options.announce) writeFileSync(LOCK_FILE, JSON.stringify({ pid: process.pid, url: db.url }));
  return {
    url: db.url,
    async stop() {
      if (options.announce) rmSync(LOCK_FILE, { force: true });
      await db.stop();
    },
  };
}

/** Runs `fn` with a database URL, opening and closing the embedded database when needed. */
export async function withDatabase<T>(fn: (url: string, kind: "server" | "embedded") => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL, "server");
  const running = runningEmbeddedUrl();
  if (running) return fn(running, "embedded");
  const db = await openEmbedded({ announce: true });
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
