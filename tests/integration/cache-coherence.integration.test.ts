// Two instances' shared caches on one PostgreSQL, each with its own LISTEN connection, as two
// portal processes behind the load balancer have: a change committed through an audited
// transaction reaches the other within a second, a rolled-back one reaches nobody, a read that
// raced with the change is not kept, and a listener whose connection is cut stops trusting its
// entries until it is back. The change here is a setting of the test's own, written and audited
// as the portal writes settings.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, onQuery } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { listenForInvalidations, type CacheListener } from "@/lib/runtime/cache-listener";
import { invalidateSharedOnCommit, SharedCache } from "@/lib/shared-cache";

const PROBE = "cacheCoherenceProbe";
const OTHER = "cacheCoherenceOther";
// Not under "data:": other test files write audited changes on the same database at the same time,
// and every audited change invalidates "data:" on every listener. The probe's own prefix is
// invalidated by its changes only, so what these tests count and time is theirs.
const PROBE_PREFIX = "probe:";
const KEY = "probe:setting:cache-coherence-probe";

/** One instance: its cache, its listener, every invalidation it applied and when. */
function instance(name: string) {
  const heard: { at: number; prefixes: readonly string[]; listening: boolean }[] = [];
  const waiters = new Set<() => void>();
  const cache: SharedCache = new SharedCache({
    onInvalidate: (prefixes) => {
      heard.push({ at: performance.now(), prefixes, listening: cache.isListening });
      for (const wake of waiters) wake();
    },
  });
  const listener: CacheListener = listenForInvalidations(cache, inject("databaseUrl"), {
    applicationName: `cache test ${name}`,
    firstRetryMs: 20,
    maxRetryMs: 200,
  });
  let loads = 0;
  const read = () => cache.get(KEY, 60_000, readProbe).then((v) => ({ v, loads }));
  async function readProbe() {
    loads++;
    return ((await db.setting.findUnique({ where: { key: PROBE } }))?.value ?? null) as number | null;
  }
  /** Waits (never longer than `ms`) for an invalidation `matches`, and says when it arrived. */
  function heardWhen(matches: (h: (typeof heard)[number]) => boolean, what: string, ms = 10_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = heard.find(matches);
        if (!hit) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(hit.at);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${name} heard no ${what} within ${ms} ms`));
      }, ms);
      if (!check()) waiters.add(check);
    });
  }
  /** An invalidation naming a prefix of `key`, arrived after `since`. */
  const heardFor = (key: string, since: number, ms?: number) =>
    heardWhen((h) => h.at >= since && h.prefixes.some((p) => p !== "" && key.startsWith(p)), `invalidation of ${key}`, ms);
  return { cache, listener, heard, read, readProbe, heardFor, heardWhen, loads: () => loads };
}

/** Sets the probe as the portal changes a setting: the row and its audit entry in one transaction. */
function setProbe(value: number, during?: () => Promise<void>) {
  return db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: PROBE }, create: { key: PROBE, value }, update: { value } });
    await audit(tx, { actorId: null, action: "setting.changed", entityType: "setting", entityId: PROBE, data: { value } });
    await invalidateSharedOnCommit(tx, PROBE_PREFIX);
    await during?.();
  });
}

let a: ReturnType<typeof instance>;
let b: ReturnType<typeof instance>;

beforeAll(async () => {
  await db.setting.upsert({ where: { key: PROBE }, create: { key: PROBE, value: 1 }, update: { value: 1 } });
  a = instance("a");
  b = instance("b");
  await Promise.all([a.listener.whenConnected(), b.listener.whenConnected()]);
});
afterAll(async () => {
  await Promise.all([a?.listener.stop(), b?.listener.stop()]);
  await db.setting.deleteMany({ where: { key: { in: [PROBE, OTHER] } } });
});
afterEach(async () => {
  // Every test starts connected, whatever the last one did to a connection.
  await Promise.all([a.listener.whenConnected(), b.listener.whenConnected()]);
});

describe("the shared cache across instances", () => {
  it("a change committed through one instance is seen through the other within a second, and not before the commit", async () => {
    const before = (await b.read()).v;
    const loadsBefore = b.loads();
    expect((await b.read()).loads).toBe(loadsBefore); // warm: served from the cache

    const since = performance.now();
    const next = (before ?? 0) + 1;
    await setProbe(next, async () => {
      // Written but not committed: the other instance keeps (and is right to keep) what it has.
      expect((await b.read()).v).toBe(before);
      expect(b.loads()).toBe(loadsBefore);
    });
    const committedAt = performance.now();
    const heardAt = await b.heardFor(KEY, since);
    const delay = Math.max(0, heardAt - committedAt);
    console.log(`[cache] the other instance dropped its entry ${delay.toFixed(1)} ms after the commit returned`);
    expect(delay).toBeLessThan(1_000);
    expect((await b.read()).v).toBe(next);
    expect(b.loads()).toBe(loadsBefore + 1);
    // The writing instance heard its own commit too (it also drops right after the commit, in process).
    await a.heardFor(KEY, since);
  });

  it("a transaction costs one statement more, however many entries it audits and prefixes it names", async () => {
    const statements: string[] = [];
    const stop = onQuery((sql) => statements.push(sql));
    const since = performance.now();
    try {
      await db.$transaction(async (tx) => {
        // Another setting than the probe: the probe's cached value stays true for the tests after this.
        await tx.setting.upsert({ where: { key: OTHER }, create: { key: OTHER, value: 7 }, update: { value: 7 } });
        await audit(tx, { actorId: null, action: "setting.changed", entityType: "setting", entityId: OTHER, data: { value: 7 } });
        await audit(tx, { actorId: null, action: "setting.checked", entityType: "setting", entityId: OTHER });
        await invalidateSharedOnCommit(tx, "ref:probe");
      });
    } finally {
      stop();
    }
    expect(statements.filter((sql) => sql.includes("pg_notify"))).toHaveLength(1);
    await b.heardFor("ref:probe", since);
    // What audit() names for a setting's change (every proposal page's parts and the settings
    // shared between requests, lib/audit/record.ts), then this transaction's own prefix.
    expect(b.heard.find((h) => h.at >= since && h.prefixes.includes("ref:probe"))?.prefixes).toEqual([
      "data:",
      "proposal:",
      "setting:",
      "ref:probe",
    ]);
  });

  it("a rolled-back transaction notifies nobody", async () => {
    // Other test files write audited changes on the same database at the same time, and their
    // notifications ("data:") reach these listeners too: the abandoned transactions below name
    // prefixes of their own, which nothing else sends.
    const abandoned = `abandoned-${randomUUID()}:`;
    const byHand = `by-hand-${randomUUID()}:`;
    const marker = `marker-${randomUUID()}:`;
    const value = (await b.read()).v;
    const since = performance.now();
    await expect(
      db.$transaction(async (tx) => {
        await tx.setting.upsert({ where: { key: PROBE }, create: { key: PROBE, value: 999 }, update: { value: 999 } });
        await audit(tx, { actorId: null, action: "setting.changed", entityType: "setting", entityId: PROBE, data: { value: 999 } });
        await invalidateSharedOnCommit(tx, abandoned);
        throw new Error("the change is abandoned");
      }),
    ).rejects.toThrow("the change is abandoned");
    // Even a notification sent by hand inside a transaction is discarded by PostgreSQL with it.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_notify('irci_cache', ${JSON.stringify([byHand])})`;
        throw new Error("abandoned after notifying");
      }),
    ).rejects.toThrow("abandoned after notifying");
    // A committed marker after them: notifications arrive in commit order, so once it is heard
    // anything the rolled-back ones had sent would have been heard before it.
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1`;
      await invalidateSharedOnCommit(tx, marker);
    });
    await Promise.all([a.heardFor(`${marker}x`, since), b.heardFor(`${marker}x`, since)]);
    for (const one of [a, b]) {
      const heard = one.heard.filter((h) => h.at >= since).flatMap((h) => h.prefixes);
      expect(heard).toContain(marker);
      expect(heard).not.toContain(abandoned);
      expect(heard).not.toContain(byHand);
    }
    expect((await b.read()).v).toBe(value);
  });

  it("a read that raced with the change is not kept after it", async () => {
    const old = (await b.read()).v;
    b.cache.invalidate([KEY]); // make the next read load
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let readOld!: () => void;
    const hasRead = new Promise<void>((resolve) => (readOld = resolve));
    // A request on B reads the old row, then is slow to finish (a busy event loop, a long page).
    const slow = b.cache.get(KEY, 60_000, async () => {
      const value = await b.readProbe();
      readOld();
      await gate;
      return value;
    });
    await hasRead;
    const since = performance.now();
    const next = (old ?? 0) + 1;
    await setProbe(next);
    await b.heardFor(KEY, since);
    release();
    expect(await slow).toBe(old); // the request that read before the change gets what it read
    expect((await b.read()).v).toBe(next); // and nobody after it
  });

  it("an instance whose listener is cut drops everything, and after reconnecting drops again and hears changes", async () => {
    await b.read();
    const loadsBefore = b.loads();
    const since = performance.now();
    const killed = await db.$queryRaw<{ ok: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'cache test b'`;
    expect(killed).toEqual([{ ok: true }]);
    // It notices (everything dropped, entries bounded to UNLISTENED_TTL_MS meanwhile), then
    // reconnects and drops everything again: what was sent while it was away is lost.
    const lostAt = await b.heardWhen((h) => h.at >= since && h.prefixes[0] === "" && !h.listening, "loss of its connection");
    await b.heardWhen((h) => h.at >= lostAt && h.prefixes[0] === "" && h.listening, "reconnection");
    expect(b.listener.connected).toBe(true);
    await b.read();
    expect(b.loads()).toBe(loadsBefore + 1);

    // Connected again: a change reaches it as before.
    const value = (await b.read()).v;
    const changed = performance.now();
    await setProbe((value ?? 0) + 1);
    await b.heardFor(KEY, changed, 1_000);
    expect((await b.read()).v).toBe((value ?? 0) + 1);
  });
});
