// Each instance's ear for the other instances' changes: one dedicated PostgreSQL connection (not
// one of the pool's, which are lent to queries and never idle for long) that LISTENs on the
// shared cache's channel and drops what each committed change names (lib/shared-cache.ts).
// When the connection drops (PostgreSQL restarted, the network cut) it reconnects with a growing
// pause; until it is back the cache serves nothing older than a second, and on reconnecting it
// drops everything, since the notifications sent meanwhile are lost. A cut that closes no socket
// is found by a heartbeat query.
import { Socket } from "node:net";
import pg from "pg";
import { log as rootLog } from "@/lib/runtime/log";

/** The channel invalidations travel on: a JSON array of key prefixes as the payload. */
/** What the listener drives: the shared cache (lib/shared-cache.ts), or a test's stand-in. */
export interface InvalidationTarget {
  /** Drops every entry whose key starts with one of `prefixes` ("" drops all). */
  invalidate(prefixes: readonly string[]): void;
  /** Whether invalidations are being heard: while not, entries are kept only briefly. */
  setListening(listening: boolean): void;
}

export const CACHE_CHANNEL = "irci_cache";

export interface ListenerOptions {
  /** How often the connection is checked, and how long the check may take. */
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
  /** The pause before reconnecting doubles from the first to the last. */
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** How the connection shows in pg_stat_activity. */
  applicationName?: string;
}

export interface CacheListener {
  readonly connected: boolean;
  /** Resolves once the listener is connected (at once if it is). */
  whenConnected(): Promise<void>;
  /** Closes the connection for good (at shutdown). */
  stop(): Promise<void>;
}

/** The prefixes a notification names; anything unreadable drops everything, to be safe. */
export function parsePayload(payload: string | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(payload ?? "");
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((p) => typeof p === "string")) return parsed;
  } catch {
    // fall through
  }
  return [""];
}

export function listenForInvalidations(cache: InvalidationTarget, connectionString: string, options: ListenerOptions = {}): CacheListener {
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 3_000;
  const firstRetryMs = options.firstRetryMs ?? 100;
  const maxRetryMs = options.maxRetryMs ?? 5_000;
  const log = rootLog.child({ area: "cache" });

  // The connected client, and how to give it up (from its own events or the heartbeat).
  let current: { client: pg.Client; fail: (error?: Error) => Promise<void> } | null = null;
  let stopped = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let waiting: (() => void)[] = [];

  const heartbeat = setInterval(() => {
    const connection = current;
    if (!connection) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${heartbeatTimeoutMs} ms`)), heartbeatTimeoutMs);
    });
    Promise.race([connection.client.query("SELECT 1"), late])
      .catch((error: Error) => connection.fail(error))
      .finally(() => clearTimeout(timer));
  }, heartbeatMs);
  // Neither the heartbeat nor the connection keeps a process alive (a script, a test run) that
  // has nothing else to do; the server's own socket keeps it up.
  heartbeat.unref();

  function scheduleConnect() {
    if (stopped || retryTimer) return;
    const pause = Math.min(maxRetryMs, firstRetryMs * 2 ** failures) * (0.5 + Math.random() / 2);
    failures++;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, pause);
    retryTimer.unref();
  }

  async function connect() {
    if (stopped) return;
    const client = new pg.Client({
      connectionString,
      application_name: options.applicationName ?? "irci cache listener",
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      stream: () => new Socket().unref(),
    });
    let phase: "connecting" | "connected" | "closed" = "connecting";
    let ended: Promise<void> = Promise.resolve();
    // Read through a function: the events below change it while this function awaits.
    const closed = () => phase === "closed";
    // Called by every way a connection ends (error, end, the heartbeat, stop): acts once per client.
    const fail = (error?: Error): Promise<void> => {
      if (phase === "closed") return ended;
      const wasConnected = phase === "connected";
      phase = "closed";
      ended = client.end().catch(() => undefined);
      if (wasConnected) {
        current = null;
        cache.setListening(false);
        if (!stopped) log.warn({ err: error }, "the cache listener lost its connection: shared data is kept at most 1 s until it is back");
      } else if (failures % 10 === 0) {
        log.warn({ err: error, attempts: failures + 1 }, "the cache listener cannot connect; retrying");
      }
      scheduleConnect();
      return ended;
    };
    client.on("error", (error) => void fail(error));
    client.on("end", () => void fail(new Error("the connection ended")));
    client.on("notification", (message) => {
      if (message.channel === CACHE_CHANNEL && phase === "connected") cache.invalidate(parsePayload(message.payload));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch (error) {
      void fail(error as Error);
      return;
    }
    if (closed()) return; // it failed while LISTEN was being answered
    if (stopped) {
      phase = "closed";
      await client.end().catch(() => undefined);
      return;
    }
    phase = "connected";
    current = { client, fail };
    if (failures > 0) log.info({ attempts: failures + 1 }, "the cache listener is connected");
    failures = 0;
    // From here every commit's notification arrives; what was missed before is dropped.
    cache.setListening(true);
    for (const resolve of waiting) resolve();
    waiting = [];
  }

  void connect();

  return {
    get connected() {
      return current !== null;
    },
    whenConnected() {
      return current ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
    },
    async stop() {
      stopped = true;
      clearInterval(heartbeat);
      clearTimeout(retryTimer);
      await current?.fail();
    },
  };
}
