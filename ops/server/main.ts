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
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import http, { type ServerResponse } from "node:http";
import path from "node:path";
import { isDraining, runShutdownSteps, startDraining } from "@/lib/runtime/lifecycle";
import { log } from "@/lib/runtime/log";
import { requestContextStorage, type RequestContext } from "@/lib/runtime/request-context";

/** Below Docker's stop grace period (30 s in docker-compose.yml), so we exit before SIGKILL. */
const SHUTDOWN_TIMEOUT_MS = positive(process.env.SHUTDOWN_TIMEOUT_MS, 25_000);
/** What a client is told to wait before trying again when the database is unreachable. */
const RETRY_AFTER_SECONDS = "5";
/** A second signal sooner than this after the first is the same stop request delivered twice. */
const REPEATED_SIGNAL_MS = 1000;
/** A request id from the load balancer is kept only when it is short and harmless in a log. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

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

/** Counts the bytes of the body as they are written, for the access log. */
function countBytes(res: ServerResponse): () => number {
  let bytes = 0;
  const add = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === "string") bytes += Buffer.byteLength(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    add(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== "function") add(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;
  return () => bytes;
}

/**
 * Turns a server error into 503 + Retry-After when the app found the database unreachable. Node
 * sends the head through writeHead, called directly or implicitly by the first write, so this is
 * the one place to change the status before it goes out.
 */
function answerUnavailableWith503(res: ServerResponse, context: RequestContext) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (context.databaseUnavailable && statusCode >= 500) {
      statusCode = 503;
      this.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      // A reason phrase given with the old status would contradict the new one.
      if (typeof rest[0] === "string") rest.shift();
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
  } as typeof res.writeHead;
}

async function main() {
  // Next installs its own SIGTERM/SIGINT handlers (which exit at once) unless told we handle them.
  process.env.NEXT_MANUAL_SIG_HANDLE = "true";
  // As the standalone server.js does: React and Next must run their production builds.
  (process.env as Record<string, string>).NODE_ENV = "production";
  const dir = process.cwd();
  const port = positive(process.env.PORT, 3000);
  // Not HOSTNAME: Docker sets it to the container's id. Unset: every interface, IPv4 and IPv6.
  const host = process.env.LISTEN_HOST || undefined;
  applyBuildConfig(dir);

  const started = Date.now();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname: host ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();

  /** Responses not yet finished: told to close their connection when draining starts. */
  const inFlight = new Set<ServerResponse>();

  const server = http.createServer((req, res) => {
    const begun = process.hrtime.bigint();
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const context: RequestContext = { requestId };
    res.setHeader("X-Request-Id", requestId);
    // A request that arrives on a kept-alive connection while draining is served, then the
    // connection closes: the client opens its next one to another instance.
    if (isDraining()) res.setHeader("Connection", "close");
    answerUnavailableWith503(res, context);
    const bytes = countBytes(res);
    inFlight.add(res);

    const route = (req.url ?? "/").split("?", 1)[0] ?? "/";
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      inFlight.delete(res);
      const line = {
        method: req.method,
        route,
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - begun) / 1e5) / 10,
        bytes: bytes(),
        requestId,
        ...(context.userId ? { userId: context.userId } : {}),
        // Closed before the whole response was written: the client went away (or was cut).
        aborted: !res.writableFinished,
      };
      // The build's static files are many and uninteresting; kept at debug level.
      if (route.startsWith("/_next/static/") && !line.aborted && res.statusCode < 400) serverLog.debug(line, "request");
      else serverLog.info(line, "request");
    };
    res.once("finish", done);
    res.once("close", done);

    requestContextStorage.run(context, () => {
      handle(req, res).catch((error: Error) => {
        serverLog.error({ err: error, requestId, route }, "request handler failed");
        if (!res.headersSent) res.statusCode = 500;
        if (!res.writableEnded) res.end();
      });
    });
  });

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
