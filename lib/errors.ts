// The error vocabulary every domain speaks: an expected refusal with a message for the person
// (AppError), refused input with a message per field (ValidationError), and the HTTP status a
// route handler answers with for each. Forms show them through lib/form-state.ts.
//
// Which to throw: ValidationError whenever something a person typed or chose is wrong, keyed by the
// field's name (fieldErrors turns a zod failure into that); AppError("INVALID") only when the request
// as a whole is, with no field to point at: a tampered hidden field, a file that is not a study.
import type { z } from "zod";

/** An expected refusal or failure, with a message fit to show the person who caused it. */
export class AppError extends Error {
  constructor(
    readonly code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID" | "CONFLICT" | "UNAVAILABLE",
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Refused input, with a message for each field that needs attention (shown on the field). */
export class ValidationError extends AppError {
  constructor(readonly fields: Record<string, string>) {
    super("INVALID", "Some fields need attention.");
  }
}

/** The first message for each field of a failed zod parse, keyed by the field's name. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/** The HTTP status a route handler answers with for each kind of expected refusal. */
export const HTTP_STATUS: Record<AppError["code"], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 400,
  CONFLICT: 409,
  UNAVAILABLE: 503,
};

/**
 * The digest of a page that failed because PostgreSQL could not be reached. Next.js passes only the
 * digest of a server error to the error page, and keeps a digest set on the thrown error: this
 * prefix lets app/error.tsx say what happened instead of "something went wrong".
 */
export const DATABASE_UNAVAILABLE_DIGEST = "DATABASE_UNAVAILABLE";

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The portal cannot reach its database at the moment: nothing was saved. Please try again in a minute.";

/** True for the digest of a DatabaseUnavailableError (the part after the colon is its reference). */
export function isDatabaseUnavailableDigest(digest: string | undefined): boolean {
  return typeof digest === "string" && digest.startsWith(`${DATABASE_UNAVAILABLE_DIGEST}:`);
}

/**
 * A query failed because PostgreSQL could not be reached or shut down (lib/runtime/database-outage.ts
 * decides): forms show the message, route handlers answer 503, pages show the outage page.
 */
export class DatabaseUnavailableError extends AppError {
  /** Kept by Next.js as the error's digest: the page's "Reference", also in the log line. */
  readonly digest: string;
  constructor(cause: unknown) {
    super("UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE);
    this.name = "DatabaseUnavailableError";
    this.cause = cause;
    this.digest = `${DATABASE_UNAVAILABLE_DIGEST}:${crypto.randomUUID().slice(0, 8)}`;
  }
}
