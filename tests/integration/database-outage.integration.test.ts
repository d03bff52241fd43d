// A PostgreSQL server of this test's own, stopped and started again on the same port and data: what
// the portal's client throws while it is away (DatabaseUnavailableError, for every kind of query and
// transaction), that the request is marked for the server's 503, and that the same client (the
// same pool) serves again without a restart once the server is back.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseUnavailableError, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailableDigest } from "@/lib/errors";
import { failure } from "@/lib/form-state";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { isDatabaseUnreachable } from "@/lib/runtime/database-outage";
import { requestContextStorage, type RequestContext } from "@/lib/runtime/request-context";
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "@/ops/embedded/server";

describe("the database going away and coming back", () => {
  let dir: string;
  let options: Parameters<typeof startEmbeddedDatabase>[0];
  let server: EmbeddedDatabase;
  let db: PrismaClient;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "irci-outage-"));
    chmodSync(dir, 0o755); // as root the server runs as `postgres`, who must enter it
    options = { clusterDir: path.join(dir, "cluster"), passwordFile: path.join(dir, "password"), persistent: true, port: await freePort() };
    server = await startEmbeddedDatabase(options);
    db = createPrismaClient(server.url, 4);
    await db.$executeRawUnsafe("create table note (id serial primary key, body text not null)");
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a query cut by the server shutting down is an outage (57P01), and so is every query while it is down", async () => {
    // Connections left idle in the pool, and one busy when the server stops.
    await Promise.all([1, 2, 3].map(() => db.$queryRaw`select 1`));
    const busy = db.$queryRaw`select pg_sleep(10)::text as slept`.then(
      () => null,
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.stop();
    const cut = await busy;
    expect(cut).toBeInstanceOf(DatabaseUnavailableError);
    const original = (cut as DatabaseUnavailableError).cause as {
      code?: string;
      meta?: { driverAdapterError?: { cause?: { originalCode?: string } } };
    };
    expect(original.meta?.driverAdapterError?.cause?.originalCode).toBe("57P01");

    const context: RequestContext = { requestId: "outage-test" };
    const attempts = await requestContextStorage.run(context, () =>
      Promise.all([
        db.$queryRaw`select 1`.catch((e: unknown) => e),
        db.$executeRawUnsafe("insert into note (body) values ('lost')").catch((e: unknown) => e),
        db.$transaction(async (tx) => tx.$executeRawUnsafe("insert into note (body) values ('lost')")).catch((e: unknown) => e),
        db.$transaction([db.$queryRaw`select 1`]).catch((e: unknown) => e),
      ]),
    );
    for (const error of attempts) {
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect(isDatabaseUnreachable((error as Error).cause)).toBe(true);
      expect(isDatabaseUnavailableDigest((error as DatabaseUnavailableError).digest)).toBe(true);
    }
    // The server entry answers this request 503 with Retry-After.
    expect(context.databaseUnavailable).toBe(true);
    // A form shows the plain message, not "something went wrong".
    const form = new FormData();
    form.set("body", "typed text");
    expect(failure(attempts[1], form)).toEqual({
      ok: false,
      code: "UNAVAILABLE",
      message: DATABASE_UNAVAILABLE_MESSAGE,
      values: { body: "typed text" },
    });
  });

  it("the same client serves again as soon as the server is back on its port, and nothing was half-written", async () => {
    server = await startEmbeddedDatabase(options);
    const back = Date.now();
    let rows: { n: bigint }[] | undefined;
    while (!rows) {
      rows = await db.$queryRaw<{ n: bigint }[]>`select count(*) as n from note`.catch(() => undefined);
      if (!rows) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(Date.now() - back).toBeLessThan(10_000);
    }
    expect(Number(rows[0]!.n)).toBe(0);
    // Every connection of the pool works again, not only the first.
    const many = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => db.$queryRaw<{ n: number }[]>`select ${n}::int as n`));
    expect(many.map((r) => r[0]!.n)).toEqual([1, 2, 3, 4, 5, 6]);
    await db.$transaction(async (tx) => tx.$executeRawUnsafe("insert into note (body) values ('kept')"));
    expect(await db.$queryRaw`select body from note`).toEqual([{ body: "kept" }]);
  });

  it("an error of the query itself is not an outage", async () => {
    const error = await db.$queryRawUnsafe("select * from no_such_table").catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(DatabaseUnavailableError);
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});
