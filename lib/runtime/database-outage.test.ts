import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError } from "@/lib/errors";
import { isDatabaseUnreachable, translateDatabaseError } from "./database-outage";
import { requestContextStorage, type RequestContext } from "./request-context";

// The shapes Prisma 7 with @prisma/adapter-pg threw here against a PostgreSQL 17 server that was
// stopped (tests/integration/database-outage.integration.test.ts throws the live ones).
function prismaError(code: string, driverAdapterCause?: Record<string, unknown>) {
  return Object.assign(new Error(`Invalid \`prisma.$queryRaw()\` invocation: ${code}`), {
    name: "PrismaClientKnownRequestError",
    code,
    clientVersion: "7.10.0",
    meta: driverAdapterCause
      ? { driverAdapterError: Object.assign(new Error("DriverAdapterError"), { cause: driverAdapterCause }) }
      : undefined,
  });
}

const unreachable = {
  "a raw query with the server down (P2010, DatabaseNotReachable)": prismaError("P2010", {
    kind: "DatabaseNotReachable",
    host: "127.0.0.1",
    port: 39497,
  }),
  "a transaction that cannot begin (P1001)": prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 39497 }),
  "a query cut by the server shutting down (57P01 admin_shutdown)": prismaError("P2010", {
    originalCode: "57P01",
    originalMessage: "terminating connection due to administrator command",
    kind: "postgres",
    code: "57P01",
    severity: "FATAL",
  }),
  "a server still starting (57P03 cannot_connect_now)": prismaError("P2010", { originalCode: "57P03", kind: "postgres", code: "57P03" }),
  "a connection exception (08006)": prismaError("P2010", { originalCode: "08006", kind: "postgres", code: "08006" }),
  "a connection reset (ConnectionClosed)": prismaError("P2010", { kind: "ConnectionClosed" }),
  "a timed out socket (SocketTimeout)": prismaError("P2010", { kind: "SocketTimeout" }),
  "the server closed the connection (P1017)": prismaError("P1017"),
  "pg's own ECONNREFUSED": Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
    code: "ECONNREFUSED",
    address: "127.0.0.1",
    port: 5432,
  }),
  "pg's connection ended without a code": new Error("Connection terminated unexpectedly"),
  "pg's connection timeout": new Error("Connection terminated due to connection timeout"),
  "an unknown Prisma error caused by a reset socket": Object.assign(new Error("Unknown"), {
    name: "PrismaClientUnknownRequestError",
    cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
  }),
  "both addresses refused (AggregateError)": Object.assign(
    new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" })]),
    {},
  ),
};

const notUnreachable = {
  "a unique constraint (P2002)": prismaError("P2002", { kind: "UniqueConstraintViolation", constraint: { fields: ["email"] } }),
  "a missing table (42P01)": prismaError("P2010", { originalCode: "42P01", kind: "TableDoesNotExist" }),
  "a serialization failure (40001)": prismaError("P2034", { originalCode: "40001", kind: "TransactionWriteConflict" }),
  "too many connections (53300): the server is up": prismaError("P2010", { originalCode: "53300", kind: "TooManyConnections" }),
  "a wrong password (28P01)": prismaError("P2010", { originalCode: "28P01", kind: "AuthenticationFailed" }),
  "a plain bug": new TypeError("Cannot read properties of undefined (reading 'id')"),
  "nothing at all": undefined,
  "a string": "ECONNREFUSED",
};

describe("telling a database outage from other failures", () => {
  it.each(Object.entries(unreachable))("%s is an outage", (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each(Object.entries(notUnreachable))("%s is not an outage", (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });

  it("turns an outage into a DatabaseUnavailableError and marks the request for a 503", () => {
    const context: RequestContext = { requestId: "r1" };
    const original = unreachable["a transaction that cannot begin (P1001)"];
    const translated = requestContextStorage.run(context, () => translateDatabaseError(original));
    expect(translated).toBeInstanceOf(DatabaseUnavailableError);
    expect((translated as DatabaseUnavailableError).cause).toBe(original);
    expect((translated as DatabaseUnavailableError).digest).toMatch(/^DATABASE_UNAVAILABLE:[0-9a-f]{8}$/);
    expect(context.databaseUnavailable).toBe(true);
    // Translated once: a second pass keeps the same error (and its reference).
    expect(translateDatabaseError(translated)).toBe(translated);
  });

  it("leaves every other error as it was, and the request unmarked", () => {
    const context: RequestContext = { requestId: "r2" };
    const original = notUnreachable["a unique constraint (P2002)"];
    expect(requestContextStorage.run(context, () => translateDatabaseError(original))).toBe(original);
    expect(context.databaseUnavailable).toBeUndefined();
  });
});
