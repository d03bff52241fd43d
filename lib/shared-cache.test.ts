import { beforeAll, describe, expect, it, vi } from "vitest";
import { TransactionEnd } from "@/lib/runtime/transaction-hooks";
import { parsePayload } from "@/lib/runtime/cache-listener";
import { invalidateSharedOnCommit, shared, SharedCache, UNLISTENED_TTL_MS } from "./shared-cache";

// The process's cache connects to DATABASE_URL on first use: here a listener that connects to
// nothing says it is listening, so that only the steps at commit drop its entries.
vi.mock("@/lib/runtime/cache-listener", async (original) => ({
  ...(await original<typeof import("@/lib/runtime/cache-listener")>()),
  listenForInvalidations: (cache: SharedCache) => {
    cache.setListening(true);
    return { connected: true, whenConnected: async () => {}, stop: async () => {} };
  },
}));

beforeAll(() => {
  vi.stubEnv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none");
  vi.stubEnv("PORTAL_MODE", "demo");
  vi.stubEnv("PORTAL_DEMO_ON_SERVER", "true");
});

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function listeningCache() {
  let t = 1_000_000;
  const cache = new SharedCache({ now: () => t });
  cache.setListening(true);
  return { cache, advance: (ms: number) => (t += ms) };
}

describe("the shared cache", () => {
  it("loads once for concurrent and repeated requests within its lifetime, again after it", async () => {
    const { cache, advance } = listeningCache();
    const load = vi.fn(async () => "value");
    const [a, b] = await Promise.all([cache.get("t:a", 60_000, load), cache.get("t:a", 60_000, load)]);
    expect([a, b]).toEqual(["value", "value"]);
    advance(59_999);
    await cache.get("t:a", 60_000, load);
    expect(load).toHaveBeenCalledTimes(1);
    advance(1);
    await cache.get("t:a", 60_000, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("drops entries by prefix when what they hold changes", async () => {
    const { cache } = listeningCache();
    const load = vi.fn(async () => 1);
    await cache.get("portfolio:x", 60_000, load);
    await cache.get("portfolio:y", 60_000, load);
    await cache.get("other", 60_000, load);
    cache.invalidate(["portfolio:"]);
    await cache.get("portfolio:x", 60_000, load);
    await cache.get("other", 60_000, load);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it("does not keep a failure", async () => {
    const { cache } = listeningCache();
    const load = vi.fn().mockRejectedValueOnce(new Error("database down")).mockResolvedValue("back");
    await expect(cache.get("t:f", 60_000, load)).rejects.toThrow("database down");
    expect(await cache.get("t:f", 60_000, load)).toBe("back");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("does not keep a load that was under way when its entry was invalidated", async () => {
    const { cache } = listeningCache();
    const before = deferred<string>();
    const after = deferred<string>();
    const load = vi.fn().mockReturnValueOnce(before.promise).mockReturnValueOnce(after.promise);

    const first = cache.get("data:x", 60_000, load); // reads the rows before the change commits
    const joined = cache.get("data:x", 60_000, load); // shares that load
    cache.invalidate(["data:"]); // the change commits and its notification arrives
    const next = cache.get("data:x", 60_000, load); // must not wait for, nor be given, the old read
    expect(load).toHaveBeenCalledTimes(2);

    before.resolve("old");
    after.resolve("new");
    // The requests that were waiting get what was read for them; nobody after them does.
    expect(await first).toBe("old");
    expect(await joined).toBe("old");
    expect(await next).toBe("new");
    expect(await cache.get("data:x", 60_000, load)).toBe("new");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps a load under way when an unrelated prefix is invalidated", async () => {
    const { cache } = listeningCache();
    const read = deferred<string>();
    const load = vi.fn().mockReturnValueOnce(read.promise);
    const first = cache.get("ref:organizations", 60_000, load);
    cache.invalidate(["data:"]);
    read.resolve("eight members");
    expect(await first).toBe("eight members");
    expect(await cache.get("ref:organizations", 60_000, load)).toBe("eight members");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("a failed load under way when invalidated does not remove the entry loaded after it", async () => {
    const { cache } = listeningCache();
    const failing = deferred<string>();
    const load = vi.fn().mockReturnValueOnce(failing.promise).mockResolvedValue("fresh");
    const first = cache.get("data:y", 60_000, load);
    cache.invalidate(["data:"]);
    expect(await cache.get("data:y", 60_000, load)).toBe("fresh");
    failing.reject(new Error("timeout"));
    await expect(first).rejects.toThrow("timeout");
    expect(await cache.get("data:y", 60_000, load)).toBe("fresh");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("while no listener is connected, serves nothing older than a second; connecting drops everything", async () => {
    let t = 5_000_000;
    const cache = new SharedCache({ now: () => t });
    expect(cache.isListening).toBe(false);
    const load = vi.fn(async () => "value");
    await cache.get("data:z", 60_000, load);
    t += UNLISTENED_TTL_MS - 1;
    await cache.get("data:z", 60_000, load);
    expect(load).toHaveBeenCalledTimes(1); // concurrent and back-to-back requests still share
    t += 1;
    await cache.get("data:z", 60_000, load);
    expect(load).toHaveBeenCalledTimes(2);

    cache.setListening(true); // notifications sent before this were missed
    expect(cache.size).toBe(0);
    await cache.get("data:z", 60_000, load);
    t += 30_000;
    await cache.get("data:z", 60_000, load);
    expect(load).toHaveBeenCalledTimes(3); // listening: the minute applies

    cache.setListening(false); // the connection dropped: some invalidations may be lost already
    expect(cache.size).toBe(0);
    await cache.get("data:z", 60_000, load);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it("keeps at most maxEntries, dropping the one loaded longest ago first", async () => {
    const cache = new SharedCache({ maxEntries: 2 });
    cache.setListening(true);
    const load = vi.fn(async () => 1);
    await cache.get("a", 60_000, load);
    await cache.get("b", 60_000, load);
    await cache.get("c", 60_000, load);
    expect(cache.size).toBe(2);
    expect(load).toHaveBeenCalledTimes(3);
    await cache.get("b", 60_000, load);
    await cache.get("c", 60_000, load);
    expect(load).toHaveBeenCalledTimes(3);
    await cache.get("a", 60_000, load); // "a" went first: loaded again, and "b" goes now
    expect(load).toHaveBeenCalledTimes(4);
    await cache.get("c", 60_000, load);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it("drops everything on a notification it cannot read, and reads the prefixes of one it can", () => {
    expect(parsePayload('["data:","ref:organizations"]')).toEqual(["data:", "ref:organizations"]);
    for (const bad of [undefined, "", "data:", "[]", "[1]", '{"a":1}']) expect(parsePayload(bad)).toEqual([""]);
  });
});

describe("invalidation at commit", () => {
  function fakeTransaction() {
    const executeRaw = vi.fn(async (strings: TemplateStringsArray, ...values: unknown[]) => {
      void strings;
      void values;
      return 1;
    });
    return { tx: { $executeRaw: executeRaw } as never, executeRaw };
  }

  it("sends one notification inside the transaction for all its prefixes, and drops here only after the commit", async () => {
    const { tx, executeRaw } = fakeTransaction();
    const end = new TransactionEnd();
    end.bind(tx);
    const load = vi.fn(async () => "value");
    await shared("data:commit-test", 60_000, load);
    await shared("ref:commit-test", 60_000, load);

    await invalidateSharedOnCommit(tx, "data:");
    await invalidateSharedOnCommit(tx, "data:"); // a second audit entry in the same transaction
    await invalidateSharedOnCommit(tx, "ref:commit-test");
    expect(executeRaw).not.toHaveBeenCalled(); // nothing sent, nothing dropped: not committed yet
    await shared("data:commit-test", 60_000, load);
    expect(load).toHaveBeenCalledTimes(2);

    await end.beforeCommit();
    expect(executeRaw).toHaveBeenCalledTimes(1);
    const [strings, channel, payload] = executeRaw.mock.calls[0]!;
    expect(strings.join("?")).toBe("SELECT pg_notify(?, ?)");
    expect(channel).toBe("irci_cache");
    expect(JSON.parse(payload as string)).toEqual(["data:", "ref:commit-test"]);
    await shared("data:commit-test", 60_000, load);
    expect(load).toHaveBeenCalledTimes(2); // still before the commit

    end.afterCommit();
    await shared("data:commit-test", 60_000, load);
    await shared("ref:commit-test", 60_000, load);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it("a rolled-back transaction sends nothing and drops nothing", async () => {
    const { tx, executeRaw } = fakeTransaction();
    new TransactionEnd().bind(tx); // its code failed: neither end step runs
    const load = vi.fn(async () => "value");
    await shared("data:rollback-test", 60_000, load);
    await invalidateSharedOnCommit(tx, "data:");
    await shared("data:rollback-test", 60_000, load);
    expect(executeRaw).not.toHaveBeenCalled();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("on the plain client (each statement commits by itself) sends and drops at once", async () => {
    const executeRaw = vi.fn(async () => 1);
    const client = { $executeRaw: executeRaw, $transaction: () => undefined } as never;
    const load = vi.fn(async () => "value");
    await shared("data:plain-test", 60_000, load);
    await invalidateSharedOnCommit(client, "data:plain-test");
    expect(executeRaw).toHaveBeenCalledTimes(1);
    await shared("data:plain-test", 60_000, load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
