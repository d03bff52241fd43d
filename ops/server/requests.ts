// What the portal's server does around each request (ops/server/main.ts runs it in front of Next):
// opens the request context, answers 503 when the app found the database unreachable, and writes
// exactly one access log line when the response ends or the connection goes.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { isDraining } from "@/lib/runtime/lifecycle";
import { loggablePath } from "@/lib/runtime/log";
import { requestContextStorage, type RequestContext } from "@/lib/runtime/request-context";

/** What a client is told to wait before trying again when the database is unreachable. */
export const RETRY_AFTER_SECONDS = "5";
/** A request id from the load balancer is kept only when it is short and harmless in a log. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

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

/**
 * The server's request listener around `handle` (Next's request handler), and the responses still
 * being written (main.ts tells them to close their connection when draining starts).
 */
export function requestListener(handle: Handler, logger: Logger) {
  const inFlight = new Set<ServerResponse>();
  const listener = (req: IncomingMessage, res: ServerResponse) => {
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

    const route = loggablePath(req.url ?? "/");
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
      if (route.startsWith("/_next/static/") && !line.aborted && res.statusCode < 400) logger.debug(line, "request");
      else logger.info(line, "request");
    };
    res.once("finish", done);
    res.once("close", done);

    requestContextStorage.run(context, () => {
      handle(req, res).catch((error: Error) => {
        logger.error({ err: error, requestId, route }, "request handler failed");
        if (!res.headersSent) res.statusCode = 500;
        if (!res.writableEnded) res.end();
      });
    });
  };
  return { listener, inFlight };
}
