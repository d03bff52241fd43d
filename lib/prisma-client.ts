import { PrismaPg } from "@prisma/adapter-pg";
import { AppError } from "@/lib/errors";
import { translateDatabaseError } from "@/lib/runtime/database-outage";
import { log } from "@/lib/runtime/log";
import { TransactionEnd } from "@/lib/runtime/transaction-hooks";

const dbLog = log.child({ area: "db" });
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * How long a write waits for a pooled connection before its transaction starts, and how long the
 * transaction may then run. A person who pressed Save waits a few seconds without thinking the
 * portal broken; Prisma's default of 2 s made bursts of writes fail on a busy machine.
 * DATABASE_TRANSACTION_WAIT_MS overrides the wait (README, Configuration).
 */
export const TRANSACTION_OPTIONS = {
  maxWait: Number(process.env.DATABASE_TRANSACTION_WAIT_MS ?? 10_000),
  timeout: 20_000,
} as const;

/** Attempts of an interactive transaction that failed for a reason that may pass (see retryable). */
export const TRANSACTION_ATTEMPTS = 4;

/** Shown when every attempt failed: nothing was written, because the transaction never committed. */
export const BUSY_MESSAGE = "The portal is busy right now: nothing was saved. Please try again in a moment.";

/** Retries of interactive transactions since this process started (logged, and read by tests). */
const retries = { count: 0 };
export function transactionRetries(): number {
  return retries.count;
}

/**
 * True for failures after which the same transaction, run again, may succeed: no connection came
 * free in time (P2028 at start), a serialization failure or deadlock (PostgreSQL 40001 and 40P01,
 * which Prisma reports as P2034, or inside P2010 from raw SQL). The transaction was rolled back.
 */
export function retryable(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2034") return true;
  if (error.code === "P2028") return error.message.includes("Unable to start a transaction");
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string; originalCode?: string } } | undefined)?.cause;
  return cause?.kind === "TransactionWriteConflict" || cause?.originalCode === "40001" || cause?.originalCode === "40P01";
}

/** Runs `attempt` until it succeeds, fails for good, or has failed TRANSACTION_ATTEMPTS times. */
export async function withTransactionRetries<T>(attempt: () => Promise<T>, label = "transaction"): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryable(error)) throw error;
      // No connection came free within the wait: one more try, not three, so that an overloaded
      // pool answers "busy" after about two waits instead of queueing the same request again.
      const connectionWait = (error as Prisma.PrismaClientKnownRequestError).code === "P2028";
      if (n >= TRANSACTION_ATTEMPTS || (connectionWait && n >= 2)) {
        dbLog.warn(`${label} gave up after ${n} attempts: ${(error as Error).message.split("\n").pop()}`);
        throw new AppError("UNAVAILABLE", BUSY_MESSAGE);
      }
      retries.count++;
      dbLog.warn(
        `${label} attempt ${n} failed (${(error as Prisma.PrismaClientKnownRequestError).code}); retrying (${retries.count} retries so far)`,
      );
      // Spread the retries so that the writers that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** n + Math.random() * 50 * n));
    }
  }
}

/**
 * Every interactive transaction (`$transaction(async (tx) => …)`) of this client is retried by
 * withTransactionRetries and runs the steps asked for at its end (lib/runtime/transaction-hooks.ts);
 * batch transactions and single queries pass through unchanged.
 */
function retryingTransactions(client: PrismaClient): PrismaClient {
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  // Each attempt has its own end (lib/runtime/transaction-hooks.ts): what a rolled-back attempt
  // asked for is forgotten with it; the committed one's steps run inside it, then after it.
  const attempt = async (run: (tx: object) => Promise<unknown>, options?: unknown) => {
    const end = new TransactionEnd();
    const result = await transaction(async (tx: object) => {
      end.bind(tx);
      const value = await run(tx);
      await end.beforeCommit();
      return value;
    }, options);
    end.afterCommit();
    return result;
  };
  // A transaction that could not even begin (no server to connect to) fails here, not in a query.
  const translated = <T>(work: Promise<T>) =>
    work.catch((error: unknown) => {
      throw translateDatabaseError(error);
    });
  const interactive = (run: unknown, options?: unknown) =>
    typeof run === "function"
      ? withTransactionRetries(() => translated(attempt(run as (tx: object) => Promise<unknown>, options)))
      : translated(transaction(run, options));
  return new Proxy(client, {
    get(target, property) {
      if (property === "$transaction") return interactive;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Every query of this client that fails because PostgreSQL cannot be reached throws a
 * DatabaseUnavailableError instead of Prisma's error (lib/runtime/database-outage.ts): the person
 * reads that the database is away and nothing was saved, not "something went wrong".
 */
function translatingOutages(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw translateDatabaseError(error);
        }
      },
    },
  }) as unknown as PrismaClient;
}

/**
 * A Prisma client on its own pool of `poolSize` connections (scripts and tests use this directly).
 * With `onQuery`, every SQL statement is reported: tests and benchmarks count queries per page.
 */
export function createPrismaClient(connectionString: string, poolSize = 10, onQuery?: (sql: string) => void): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  if (!onQuery) return retryingTransactions(translatingOutages(new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS })));
  const client = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return retryingTransactions(translatingOutages(client));
}

export { PrismaClient };
export * from "@/lib/generated/prisma/client";
