// The portal's log: one JSON object per line (pino), read by whatever collects the container's
// output. Run by hand in a terminal (not in production) the same lines are printed readably.
// Every line written while serving a request carries its request id and the person's id.
// Never log an email address, a token, a password or a document's content.
import { hostname } from "node:os";
import pino, { type Logger } from "pino";
import { requestContext } from "@/lib/runtime/request-context";

function makeLogger(): Logger {
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== "production" && process.env.LOG_FORMAT !== "json";
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? "info",
    // Which instance wrote the line: several run behind the load balancer.
    base: { service: "irci-portal", instance: hostname(), pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const context = requestContext();
      return context ? { requestId: context.requestId, ...(context.userId ? { userId: context.userId } : {}) } : {};
    },
    redact: { paths: ["email", "*.email", "token", "*.token", "password", "*.password", "authorization", "cookie"], censor: "[hidden]" },
  };
  if (!pretty) return pino(options);
  // Synchronous and in this thread: a transport's worker thread does not survive Next's bundling.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pinoPretty = require("pino-pretty") as typeof import("pino-pretty");
  return pino(options, pinoPretty({ sync: true, colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,instance,service" }));
}

const KEY = Symbol.for("irci.logger");
const holder = globalThis as unknown as { [KEY]?: Logger };
/** The process's logger; `log.child({ area: "jobs" })` for a part of the portal. */
export const log: Logger = (holder[KEY] ??= makeLogger());

/**
 * A request's path as it may be logged: without its query string (sign-in and unsubscribe links
 * carry tokens there), and with the secret part of a path that is itself a credential replaced by
 * the route's name (an invitation link's token accepts the invitation).
 */
export function loggablePath(url: string): string {
  const path = url.split("?", 1)[0] ?? "/";
  return path.replace(/^\/invitations\/[^/]+/, "/invitations/[token]");
}
