// The embedded default (PGlite served over TCP) must behave like a server for the app: a pool of
// connections, transactions that do not interleave, and data that survives a restart.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/embedded/server";

describe("embedded PostgreSQL", () => {
  let db: EmbeddedDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await startEmbeddedDatabase({ maxConnections: 12 });
    pool = new pg.Pool({ connectionString: db.url, max: 10 });
    await pool.query("create table t (n int)");
  });
  afterAll(async () => {
    await pool.end();
    await db.stop();
  });

  it("answers 300 concurrent parameterised queries through a pool of 10, each with its own result", async () => {
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => pool.query<{ v: number }>("select $1::int as v", [i]).then((r) => r.rows[0]?.v)),
    );
    expect(results).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });

  it("keeps one connection's transaction apart from another connection's statements", async () => {
    const a = await pool.connect();
    const b = await pool.connect();
    try {
      await a.query("begin");
      await a.query("insert into t values (1)");
      // b's statements wait for a's transaction to end instead of running inside it.
      const bWrites = b.query("insert into t values (2)").then(() => b.query<{ n: number }>("select n from t order by n"));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await a.query("rollback");
      const seenByB = (await bWrites).rows.map((r) => r.n);
      expect(seenByB).toEqual([2]);
    } finally {
      a.release();
      b.release();
    }
  });

  it("keeps its data across a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "irci-pglite-"));
    try {
      const first = await startEmbeddedDatabase({ dataDir: dir });
      const c1 = new pg.Client({ connectionString: first.url });
      await c1.connect();
      await c1.query("create table kept (v text)");
      await c1.query("insert into kept values ('survives')");
      await c1.end();
      await first.stop();

      const second = await startEmbeddedDatabase({ dataDir: dir });
      const c2 = new pg.Client({ connectionString: second.url });
      await c2.connect();
      const { rows } = await c2.query<{ v: string }>("select v from kept");
      await c2.end();
      await second.stop();
      expect(rows).toEqual([{ v: "survives" }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
