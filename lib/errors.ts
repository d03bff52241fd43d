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
