// Next.js calls register() once when a server instance starts, in the Node.js runtime and in the edge
// runtime alike: the settings are checked and the workers started only in the former
// (lib/runtime/instance-start.ts).
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInstance } = await import("@/lib/runtime/instance-start");
  await startInstance();
}

/**
 * Every error Next.js catches while serving (a page, a route handler, a server action, the proxy):
 * one log line with the digest the error page shows as "Reference", so support finds it from what
 * the person read to them. The request id and the person's id come from the logger's mixin. Never
 * the request's headers or body: they carry cookies and what people typed.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log, loggablePath } = await import("@/lib/runtime/log");
  const { isDatabaseUnreachable } = await import("@/lib/runtime/database-outage");
  const { requestContext } = await import("@/lib/runtime/request-context");
  const failure = error as (Error & { digest?: string; cause?: unknown }) | undefined;
  const outage = isDatabaseUnreachable(error);
  // A failure that did not pass through the portal's database client (pg-boss, a raw pool) still says so.
  const current = requestContext();
  if (outage && current) current.databaseUnavailable = true;
  const cause = failure?.cause instanceof Error ? failure.cause.message.split("\n").pop() : undefined;
  log.child({ area: "http" }).error(
    {
      digest: failure?.digest,
      // The stack goes to the log only: the person sees the digest, never the stack.
      error: { name: failure?.name, message: failure?.message, ...(cause ? { cause } : {}), stack: failure?.stack },
      method: request.method,
      // The address without its query: a query may carry a token (unsubscribe and sign-in links).
      path: loggablePath(request.path),
      route: context.routePath,
      routeType: context.routeType,
      ...(context.renderSource ? { renderSource: context.renderSource } : {}),
      ...(outage ? { databaseUnavailable: true } : {}),
    },
    outage ? "the database could not be reached" : "request failed",
  );
};
