import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A Prisma client on its own pool of `poolSize` connections (scripts and tests use this directly).
 * With `onQuery`, every SQL statement is reported: tests and benchmarks count queries per page.
 */
export function createPrismaClient(connectionString: string, poolSize = 10, onQuery?: (sql: string) => void): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client;
}

export { PrismaClient };
export * from "@/lib/generated/prisma/client";
