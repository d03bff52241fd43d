// Readiness against real databases: one migrated by ops/migrate (ready), the same with a migration
// missing or rolled back (not ready, naming it), one never migrated, one that cannot be reached;
// and an instance that is draining or whose job workers do not run. At most one SQL statement per
// check, and one per second when probed continuously.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedReadiness, checkReadiness, type ReadinessSources } from "@/lib/health";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { freePort } from "@/ops/embedded/server";
import { MIGRATIONS_DIR } from "@/ops/migrate/engine";
import { createTestDatabase, migrate, type TestDatabase } from "@/scripts/lib/test-database";

describe("readiness", () => {
  let migrated: TestDatabase;
  let empty: TestDatabase;
  let db: PrismaClient;
  let emptyDb: PrismaClient;
  const statements: string[] = [];

  beforeAll(async () => {
    migrated = await createTestDatabase("health");
    await migrate(migrated.url);
    empty = await createTestDatabase("health_empty");
    db = createPrismaClient(migrated.url, 2, (sql) => statements.push(sql));
    emptyDb = createPrismaClient(empty.url, 2);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await emptyDb?.$disconnect();
    await migrated?.drop();
    await empty?.drop();
  });

  const sources = (over: Partial<ReadinessSources> = {}): ReadinessSources => ({
    db,
    migrationsDir: MIGRATIONS_DIR,
    jobsEnabled: true,
    workersRunning: () => true,
    isDraining: () => false,
    ...over,
  });

  it("is ready on a migrated database, with one SQL statement", async () => {
    statements.length = 0;
    const result = await checkReadiness(sources());
    expect(result.ready).toBe(true);
    expect(result.checks.database).toMatchObject({ ok: true, detail: expect.stringMatching(/^answered in \d+ ms$/) });
    expect(result.checks.migrations).toEqual({ ok: true, detail: expect.stringMatching(/^all \d+ applied$/) });
    expect(statements).toHaveLength(1);
  });

  it("is not ready when a migration of this build was not applied, and names it", async () => {
    const [last] = await db.$queryRaw<{ migration_name: string }[]>`
      select migration_name from _prisma_migrations order by migration_name desc limit 1`;
    await db.$executeRaw`update _prisma_migrations set finished_at = null where migration_name = ${last!.migration_name}`;
    try {
      const result = await checkReadiness(sources());
      expect(result.ready).toBe(false);
      expect(result.checks.database.ok).toBe(true);
      expect(result.checks.migrations).toMatchObject({ ok: false, pending: [last!.migration_name] });
      expect(result.checks.migrations.detail).toMatch(/^1 of \d+ migrations not applied: run the migrations/);
    } finally {
      await db.$executeRaw`update _prisma_migrations set finished_at = now() where migration_name = ${last!.migration_name}`;
    }
  });

  it("counts a rolled-back migration as not applied", async () => {
    const [first] = await db.$queryRaw<{ migration_name: string }[]>`
      select migration_name from _prisma_migrations order by migration_name limit 1`;
    await db.$executeRaw`update _prisma_migrations set rolled_back_at = now() where migration_name = ${first!.migration_name}`;
    try {
      const result = await checkReadiness(sources());
      expect(result.checks.migrations).toMatchObject({ ok: false, pending: [first!.migration_name] });
    } finally {
      await db.$executeRaw`update _prisma_migrations set rolled_back_at = null where migration_name = ${first!.migration_name}`;
    }
  });

  it("is not ready when the build ships a migration the database lacks", async () => {
    // A folder of migrations with one more than the database has, as a newer build would ship.
    const { mkdtempSync, cpSync, mkdirSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(path.join(tmpdir(), "irci-migrations-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      mkdirSync(path.join(dir, "29991231000000_from_a_newer_build"));
      const result = await checkReadiness(sources({ migrationsDir: dir }));
      expect(result.checks.migrations).toMatchObject({ ok: false, pending: ["29991231000000_from_a_newer_build"] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is not ready on a database never migrated, saying so", async () => {
    const result = await checkReadiness(sources({ db: emptyDb }));
    expect(result.ready).toBe(false);
    expect(result.checks.database.ok).toBe(true);
    expect(result.checks.migrations).toEqual({ ok: false, detail: expect.stringMatching(/^no migration was ever applied/) });
  });

  it("is not ready when the database cannot be reached, and says nothing of its address", async () => {
    const nowhere = createPrismaClient(`postgresql://postgres:hunter2@127.0.0.1:${await freePort()}/irci`, 1);
    try {
      const result = await checkReadiness(sources({ db: nowhere }));
      expect(result.ready).toBe(false);
      expect(result.checks.database).toEqual({ ok: false, detail: "cannot be reached" });
      expect(JSON.stringify(result)).not.toMatch(/hunter2|127\.0\.0\.1/);
    } finally {
      await nowhere.$disconnect();
    }
  });

  it("is not ready while draining, nor while the job workers do not run (unless JOBS=off)", async () => {
    const draining = await checkReadiness(sources({ isDraining: () => true }));
    expect(draining.ready).toBe(false);
    expect(draining.checks.draining.ok).toBe(false);
    const noWorkers = await checkReadiness(sources({ workersRunning: () => false }));
    expect(noWorkers.ready).toBe(false);
    expect(noWorkers.checks.workers.ok).toBe(false);
    const jobsOff = await checkReadiness(sources({ jobsEnabled: false, workersRunning: () => false }));
    expect(jobsOff.ready).toBe(true);
    expect(jobsOff.checks.workers.detail).toMatch(/JOBS=off/);
  });

  it("probed continuously, asks the database once a second, and hears draining at once", async () => {
    let draining = false;
    const probe = cachedReadiness(() => sources({ isDraining: () => draining }), 1000);
    statements.length = 0;
    const answers = await Promise.all(Array.from({ length: 20 }, () => probe()));
    expect(answers.every((a) => a.ready)).toBe(true);
    expect(statements).toHaveLength(1);
    draining = true;
    expect((await probe()).ready).toBe(false);
    expect(statements).toHaveLength(1);
  });

  it("gives up on a database that hangs after the timeout, and asks it again only once it answered", async () => {
    let asked = 0;
    let answer: (rows: unknown[]) => void = () => {};
    const hanging = {
      $queryRaw: () => {
        asked++;
        return new Promise((resolve) => (answer = resolve));
      },
    } as unknown as PrismaClient;
    const first = await checkReadiness(sources({ db: hanging, timeoutMs: 100 }));
    expect(first.checks.database).toEqual({ ok: false, detail: "did not answer within 100 ms" });
    const second = await checkReadiness(sources({ db: hanging, timeoutMs: 100 }));
    expect(second.ready).toBe(false);
    expect(asked).toBe(1);
    answer([]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await checkReadiness(sources({ db: hanging, timeoutMs: 100 }));
    expect(asked).toBe(2);
  });
});
