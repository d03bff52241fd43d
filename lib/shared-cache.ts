// Data every visitor shares (the organizations, a setting, portfolio figures) kept in this
// process for up to a minute, so a busy page does not ask PostgreSQL the same thing for each
// request. Callers check permissions before reading: the cache holds data, never decisions.
//
// Several instances run behind the load balancer, each with its own copy, and they stay coherent
// through PostgreSQL: a change says what it makes stale with invalidateSharedOnCommit(tx, prefix)
// (every audited change does, for "data:"), which sends one `pg_notify('irci_cache', …)` inside
// its transaction. PostgreSQL delivers it only when the transaction commits (never for one rolled
// back) to every instance listening on that channel (lib/runtime/cache-listener.ts), this one
// included; this process also drops the entries itself right after the commit, so the page it
// renders next shows the change. Nothing is dropped before the commit, when a reader would still
// see the old rows and could put them back.
//
// A load that was under way when its entry was dropped still answers the requests waiting for it
// but is not kept (see SharedCache.get). While the listener is not connected (starting, or the
// database unreachable) an instance could miss an invalidation, so entries are then served for
// at most UNLISTENED_TTL_MS; when it connects again everything is dropped, since what it missed
// is unknown. The minute's lifetime stays as a backstop.
import { config } from "@/lib/config";
import { CACHE_CHANNEL, listenForInvalidations } from "@/lib/runtime/cache-listener";
import { onShutdown } from "@/lib/runtime/lifecycle";
import { log } from "@/lib/runtime/log";
import { atCommit } from "@/lib/runtime/transaction-hooks";
import type { Prisma } from "@/lib/generated/prisma/client";

/** While no invalidation can reach this instance, an entry is served for at most this long. */
export const UNLISTENED_TTL_MS = 1_000;
/**
 * Entries kept at most: beyond it the oldest loaded go first. Entries keyed per record (each
 * proposal's page parts) would otherwise pile up, since an entry past its lifetime is replaced
 * only when asked for again.
 */
export const MAX_ENTRIES = 2_000;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

export interface SharedCacheOptions {
  now?: () => number;
  unlistenedTtlMs?: number;
  /** Told of every invalidation this cache applies (tests wait on it). */
  onInvalidate?: (prefixes: readonly string[]) => void;
  maxEntries?: number;
}

/** One process's copy of the shared data. The app has one (below); tests make their own. */
export class SharedCache {
  private readonly entries = new Map<string, Entry>();
  private listening = false;
  private readonly now: () => number;
  private readonly unlistenedTtlMs: number;

  constructor(private readonly options: SharedCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.unlistenedTtlMs = options.unlistenedTtlMs ?? UNLISTENED_TTL_MS;
  }

  /**
   * The value for `key`, loaded at most once per `ttlMs` however many requests ask at the same time.
   * The entry is in the map from the moment its load starts, so that concurrent requests share it;
   * an invalidation meanwhile removes it, and the result then reaches only the requests already
   * waiting for it: the next request loads again instead of being served what was read before the
   * change. A failed load is not kept either.
   */
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const lifetime = this.listening ? ttlMs : Math.min(ttlMs, this.unlistenedTtlMs);
    const entry = this.entries.get(key);
    if (entry && now - entry.at < lifetime) return entry.value as Promise<T>;
    const value = load();
    const own: Entry = { at: now, value };
    // Deleted first, so the map's order stays the order of loading and its first key is the oldest.
    this.entries.delete(key);
    this.entries.set(key, own);
    const max = this.options.maxEntries ?? MAX_ENTRIES;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(oldest);
    }
    value.catch(() => {
      if (this.entries.get(key) === own) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets every entry whose key starts with one of `prefixes` ("" is every entry). */
  invalidate(prefixes: readonly string[]): void {
    for (const key of [...this.entries.keys()]) if (prefixes.some((p) => key.startsWith(p))) this.entries.delete(key);
    this.options.onInvalidate?.(prefixes);
  }

  /**
   * Whether invalidations can reach this cache. Either way everything is dropped: on losing the
   * connection, some may already have been missed before it was noticed; on getting it back, those
   * sent while it was away were.
   */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.invalidate([""]);
  }

  get isListening(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.entries.size;
  }
}

// The process's cache, on globalThis under a registered symbol: pages and route handlers are
// bundled apart and must share one copy and one listener.
const KEY = Symbol.for("irci.sharedCache");
const holder = globalThis as unknown as {
  [KEY]?: { cache: SharedCache; listenerStarted: boolean; pending: WeakMap<object, Set<string>> };
};
// `pending`: the prefixes each transaction makes stale, sent together in one statement at its end.
const state = (holder[KEY] ??= { cache: new SharedCache(), listenerStarted: false, pending: new WeakMap() });

/** The process's value for `key` (see SharedCache.get); starts listening for invalidations on first use. */
export function shared<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  startListening();
  return state.cache.get(key, ttlMs, load);
}

function startListening(): void {
  // `next build` may render a page to find out whether it is static: no connection for that.
  if (state.listenerStarted || process.env.NEXT_PHASE === "phase-production-build") return;
  state.listenerStarted = true;
  let url: string;
  try {
    url = config().directDatabaseUrl;
  } catch (error) {
    // Without a database nothing is cached for long anyway (see UNLISTENED_TTL_MS).
    log.warn({ area: "cache", err: error }, "the shared cache cannot listen for invalidations: entries are kept 1 s");
    return;
  }
  const listener = listenForInvalidations(state.cache, url);
  onShutdown({ name: "cache listener", order: 20, stop: () => listener.stop() });
}

type Sql = Pick<Prisma.TransactionClient, "$executeRaw">;

function notify(client: Sql, prefixes: readonly string[]) {
  return client.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${JSON.stringify(prefixes)})`;
}

/**
 * Says that `tx`'s change makes the entries under `prefix` stale, on every instance, once it
 * commits. In one of our interactive transactions this costs one statement at its end, however
 * many prefixes and audit entries it has. Given the plain client (each statement commits by
 * itself), the invalidation is sent, and applied here, at once.
 */
export async function invalidateSharedOnCommit(tx: Sql, prefix: string): Promise<void> {
  const known = state.pending.get(tx);
  if (known) {
    known.add(prefix);
    return;
  }
  const prefixes = new Set([prefix]);
  const inTransaction = atCommit(
    tx,
    "shared cache",
    () => notify(tx, [...prefixes]),
    () => state.cache.invalidate([...prefixes]),
  );
  if (inTransaction) {
    state.pending.set(tx, prefixes);
    return;
  }
  await notify(tx, [prefix]);
  // A transaction not run by lib/prisma-client.ts: its commit is not ours to see, and the listener
  // drops the entries here when it hears it. The plain client's statement has committed already.
  if (typeof (tx as { $transaction?: unknown }).$transaction === "function") state.cache.invalidate([prefix]);
}
