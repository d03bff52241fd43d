// The portal's web server: Next.js behind a Node HTTP server of our own, so that we decide what
// happens around each request and at the end of the process's life.
// - Each request gets its request context (request id, later the person's id) and exactly one
//   access log line when it ends: method, route, status, duration, bytes, whether it was cut short.
// - A request whose database query failed because PostgreSQL could not be reached is answered
//   503 with Retry-After, so a load balancer or a person's browser tries again instead of
//   reporting a server bug.
// - SIGTERM (docker stop, a rolling update) or SIGINT drains the instance: readiness answers 503,
//   no new connection is accepted, requests in flight finish, then the job workers, listeners and
//   pools the app registered stop in order, and the process exits 0, all within a bound.
// Built into one file (scripts/bundle.ts) and run with plain `node` from the portal's folder: the
// project root (npm start, the end-to-end tests) or the standalone layout of the production image.
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { format } from "node:util";
import { runShutdownSteps, startDraining } from "@/lib/runtime/lifecycle";
import { log } from "@/lib/runtime/log";
import { requestListener } from "./requests";

/** Below Docker's stop grace period (30 s in docker-compose.yml), so we exit before SIGKILL. */
const SHUTDOWN_TIMEOUT_MS = positive(process.env.SHUTDOWN_TIMEOUT_MS, 25_000);
/** A second signal sooner than this after the first is the same stop request delivered twice. */
const REPEATED_SIGNAL_MS = 1000;

const serverLog = log.child({ area: "server" });

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * Next's own `next start` and the standalone server.js read the configuration the build recorded
 * (.next/required-server-files.json) rather than next.config.js, which the image does not carry.
 * The standalone server passes it in this variable; we do the same, from either layout.
 */
function applyBuildConfig(dir: string) {
  const file = path.join(dir, ".next", "required-server-files.json");
  if (!existsSync(file)) throw new Error(`no build in ${dir} (${path.relative(dir, file)} is missing): run npm run build`);
  const { config } = JSON.parse(readFileSync(file, "utf8")) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

/**
 * Next prints its own messages with console.error and console.warn: written as JSON lines like the
 * rest of the log. A failed request's error carries its digest and was already logged, with the
 * request's id, by onRequestError (instrumentation.ts): printed again it would be a second, stack-laden
 * copy of the same failure, so it is left out here.
 */
function routeConsoleToLog() {
  const nextLog = log.child({ area: "next" });
  const writer =
    (level: "warn" | "error") =>
    (...args: unknown[]) => {
      if (args.some((a) => a instanceof Error && typeof (a as { digest?: unknown }).digest === "string")) return;
      const err = args.find((a) => a instanceof Error);
      const rest = args.filter((a) => a !== err);
      nextLog[level](err ? { err } : {}, rest.length ? format(...rest) : (err as Error | undefined)?.message);
    };
  console.error = writer("error");
  console.warn = writer("warn");
}

async function main() {
  // Next's own server start (next start, the standalone server.js) exits at once on SIGTERM and
  // SIGINT unless this is set. The custom-server path used here installs no such handler; the
  // variable says so to any part of Next that would, so the drain below is the only one.
  process.env.NEXT_MANUAL_SIG_HANDLE = "true";
  // As the standalone server.js does: React and Next must run their production builds.
  (process.env as Record<string, string>).NODE_ENV = "production";
  const dir = process.cwd();
  const port = positive(process.env.PORT, 3000);
  // Not HOSTNAME: Docker sets it to the container's id. Unset: every interface, IPv4 and IPv6.
  const host = process.env.LISTEN_HOST || undefined;
  applyBuildConfig(dir);
  routeConsoleToLog();

  const started = Date.now();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname: host ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const { listener, inFlight } = requestListener(handle, serverLog);
  const server = http.createServer(listener);
  // Behind a load balancer that keeps idle connections open longer than Node's 5 s, set this above
  // its idle timeout, or it sends a request on a connection Node has just closed (as `next start`).
  const keepAlive = positive(process.env.KEEP_ALIVE_TIMEOUT, 0);
  if (keepAlive) server.keepAliveTimeout = keepAlive;

  let shutdownBegan = 0;
  async function shutdown(signal: NodeJS.Signals) {
    if (shutdownBegan) {
      // Ctrl-C in a terminal reaches the whole process group, and npm start passes its own stop on
      // too: the same request arriving twice within a moment. Later, it is someone insisting.
      if (Date.now() - shutdownBegan < REPEATED_SIGNAL_MS) return;
      serverLog.error({ signal }, "second signal while shutting down: exiting at once");
      process.exit(1);
    }
    shutdownBegan = Date.now();
    const began = shutdownBegan;
    serverLog.info({ signal, inFlight: inFlight.size, timeoutMs: SHUTDOWN_TIMEOUT_MS }, "shutting down: draining");
    const bound = setTimeout(() => {
      serverLog.error({ inFlight: inFlight.size, timeoutMs: SHUTDOWN_TIMEOUT_MS }, "shutdown did not finish in time: exiting");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    bound.unref();

    startDraining();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    // A connection whose response was already under way when draining began stays open after it
    // ends (keep-alive): close such connections as soon as they fall idle.
    server.closeIdleConnections();
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    await closed;
    clearInterval(idleSweep);
    serverLog.info({ ms: Date.now() - began }, "requests finished; stopping the workers and pools");

    const remaining = Math.max(1000, SHUTDOWN_TIMEOUT_MS - (Date.now() - began));
    await runShutdownSteps(remaining, (name, error) => {
      if (error) serverLog.error({ step: name, err: error }, "shutdown step failed");
      else serverLog.info({ step: name }, "stopped");
    });
    await app.close().catch(() => undefined);
    clearTimeout(bound);
    serverLog.info({ signal, ms: Date.now() - began }, "shutdown complete");
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  serverLog.info({ port, host: host ?? "*", dir, ms: Date.now() - started, node: process.version }, "portal listening");
}

main().catch((error: Error) => {
  serverLog.fatal({ err: error }, `could not start: ${error.message}`);
  process.exit(1);
});
