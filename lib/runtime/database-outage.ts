// Telling "PostgreSQL cannot be reached" apart from every other failure of a query. Such a failure
// is nobody's fault in the request and passes once the database is back: the person is told so
// (a 503 page, a form message), and the server answers 503 with Retry-After (ops/server) instead
// of a 500 that looks like a bug. The shapes below were captured from Prisma 7 with
// @prisma/adapter-pg and pg against a PostgreSQL server that was stopped mid-load
// (lib/runtime/database-outage.test.ts).
import { DatabaseUnavailableError } from "@/lib/errors";
import { requestContext } from "@/lib/runtime/request-context";

/** Socket failures of the driver (pg) when the server is down, restarting or unreachable. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** Prisma's codes: cannot reach (P1001), timed out connecting (P1002), server closed the connection (P1017). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);

/** How @prisma/adapter-pg names a lost server (its convertDriverError). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);

/**
 * PostgreSQL's own: admin_shutdown (57P01, a server stopping with connections open), crash_shutdown
 * (57P02), cannot_connect_now (57P03, starting up or shutting down), and the whole class 08,
 * connection exceptions.
 */
function unavailableSqlState(code: unknown): boolean {
  return typeof code === "string" && (code === "57P01" || code === "57P02" || code === "57P03" || /^08[0-9A-Z]{3}$/.test(code));
}

/** pg's messages for a connection that ended under it; it gives them no code. */
const DRIVER_MESSAGES = [
  /^Connection terminated unexpectedly/,
  /^Connection terminated due to connection timeout/,
  /^Can't reach database server/,
];

function oneSays(value: Record<string, unknown>): boolean {
  if (typeof value.code === "string" && (SOCKET_CODES.has(value.code) || PRISMA_CODES.has(value.code) || unavailableSqlState(value.code)))
    return true;
  if (typeof value.kind === "string" && ADAPTER_KINDS.has(value.kind)) return true;
  if (unavailableSqlState(value.originalCode)) return true;
  return typeof value.message === "string" && DRIVER_MESSAGES.some((m) => m.test(value.message as string));
}

/**
 * True when the error says the database could not be reached or went away: it looks through the
 * error, its causes, and the driver adapter's error Prisma keeps in meta.driverAdapterError.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const value = queue.shift();
    if (!value || typeof value !== "object" || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof DatabaseUnavailableError) return true;
    const record = value as Record<string, unknown>;
    if (oneSays(record)) return true;
    queue.push(record.cause);
    const meta = record.meta as Record<string, unknown> | undefined;
    if (meta && typeof meta === "object") queue.push(meta.driverAdapterError);
    // An AggregateError (a connection tried on IPv4 and IPv6 alike) carries each attempt.
    if (Array.isArray(record.errors)) queue.push(...(record.errors as unknown[]));
  }
  return false;
}

/**
 * The error to throw on: a DatabaseUnavailableError (with the original as its cause) when the
 * database could not be reached, also noting it on the request for the server's 503; otherwise
 * the error unchanged.
 */
export function translateDatabaseError(error: unknown): unknown {
  if (!isDatabaseUnreachable(error)) return error;
  const context = requestContext();
  if (context) context.databaseUnavailable = true;
  return error instanceof DatabaseUnavailableError ? error : new DatabaseUnavailableError(error);
}
