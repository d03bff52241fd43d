// Writes survive a burst: an interactive transaction waits seconds (not Prisma's 2 s) for a pooled
// connection, and one that fails for a reason that passes (deadlock, serialization failure, no
// connection in time) is run again a bounded number of times; then the person reads a plain message.
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { failure } from "@/lib/form-state";
import {
  BUSY_MESSAGE,
  createPrismaClient,
  Prisma,
  TRANSACTION_ATTEMPTS,
  transactionRetries,
  withTransactionRetries,
  type PrismaClient,
} from "@/lib/prisma-client";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("transactions under contention", () => {
  let client: PrismaClient;

  beforeAll(async () => {
    client = createPrismaClient(inject("databaseUrl"), 4);
    await client.$executeRawUnsafe("create table if not exists tx_test (id int primary key, n int not null)");
    await client.$executeRawUnsafe("insert into tx_test values (1, 0), (2, 0) on conflict (id) do update set n = 0");
  });
  afterAll(async () => {
    await client.$executeRawUnsafe("drop table if exists tx_test");
    await client.$disconnect();
  });

  it("waits longer than Prisma's default 2 s for a connection when the pool is taken", async () => {
    const single = createPrismaClient(inject("databaseUrl"), 1);
    try {
      const holder = single.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("select pg_sleep(3)");
      });
      await sleep(100);
      const started = Date.now();
      const retriesBefore = transactionRetries();
      await single.$transaction(async (tx) => tx.$executeRawUnsafe("update tx_test set n = n + 1 where id = 1"));
      expect(Date.now() - started).toBeGreaterThan(2_000);
      // It waited: it did not fail at 2 s and get through on a retry.
      expect(transactionRetries()).toBe(retriesBefore);
      await holder;
    } finally {
      await single.$disconnect();
    }
  });

  it("runs a transaction again when PostgreSQL chose it as a deadlock's victim: both writes land", async () => {
    await client.$executeRawUnsafe("update tx_test set n = 0");
    const before = transactionRetries();
    // Two transactions lock the same two rows in opposite orders: PostgreSQL aborts one of them.
    const crossing = (first: number, second: number) =>
      client.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`update tx_test set n = n + 1 where id = ${first}`);
        await sleep(300);
        await tx.$executeRawUnsafe(`update tx_test set n = n + 1 where id = ${second}`);
      });
    await Promise.all([crossing(1, 2), crossing(2, 1)]);
    const rows = await client.$queryRawUnsafe<{ id: number; n: number }[]>("select id, n from tx_test order by id");
    expect(rows.map((r) => r.n)).toEqual([2, 2]); // each row got both transactions' increments
    expect(transactionRetries()).toBeGreaterThan(before);
  });

  it("runs a serializable transaction again after a serialization failure: the counter counts every increment", async () => {
    await client.$executeRawUnsafe("update tx_test set n = 0 where id = 2");
    const retriesBefore = transactionRetries();
    const increments = Array.from({ length: 6 }, () =>
      client.$transaction(
        async (tx) => {
          const [row] = await tx.$queryRawUnsafe<{ n: number }[]>("select n from tx_test where id = 2");
          await sleep(50);
          await tx.$executeRawUnsafe(`update tx_test set n = ${row!.n + 1} where id = 2`);
        },
        { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
      ),
    );
    const results = await Promise.allSettled(increments);
    const done = results.filter((r) => r.status === "fulfilled").length;
    const [row] = await client.$queryRawUnsafe<{ n: number }[]>("select n from tx_test where id = 2");
    // Whatever gave up after its last attempt saved nothing, and said so; the rest all counted.
    expect(row!.n).toBe(done);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).message).toBe(BUSY_MESSAGE);
    expect(done).toBeGreaterThan(1);
    expect(transactionRetries(), "serialization failures were retried").toBeGreaterThan(retriesBefore);
  });

  it("gives up after a bounded number of attempts with a plain message that a form shows", async () => {
    let attempts = 0;
    const busy = new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", {
      code: "P2028",
      clientVersion: "test",
    });
    const error = await withTransactionRetries(async () => {
      attempts++;
      throw busy;
    }).catch((e: unknown) => e);
    // A connection wait is tried twice, not TRANSACTION_ATTEMPTS times: the pool is saturated.
    expect(attempts).toBe(2);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("UNAVAILABLE");
    // A write conflict may pass at the next try: it gets every attempt.
    let conflicts = 0;
    const conflict = new Prisma.PrismaClientKnownRequestError("Transaction failed due to a write conflict or a deadlock.", {
      code: "P2034",
      clientVersion: "test",
    });
    await withTransactionRetries(async () => {
      conflicts++;
      throw conflict;
    }).catch(() => undefined);
    expect(conflicts).toBe(TRANSACTION_ATTEMPTS);
    const form = new FormData();
    form.set("title", "typed text");
    expect(failure(error, form)).toEqual({ ok: false, code: "UNAVAILABLE", message: BUSY_MESSAGE, values: { title: "typed text" } });
  });

  it("does not run again what failed for good (a unique violation, a refusal)", async () => {
    let attempts = 0;
    const refused = new AppError("CONFLICT", "Someone else saved first.");
    await expect(
      withTransactionRetries(async () => {
        attempts++;
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(attempts).toBe(1);
  });
});
