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

/** The HTTP status a route handler answers with for each kind of expected refusal. */
export const HTTP_STATUS: Record<AppError["code"], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 400,
  CONFLICT: 409,
  UNAVAILABLE: 503,
};
