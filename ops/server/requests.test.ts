// The server's work around each request, on a real HTTP server with a stand-in for Next's handler.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDraining } from "@/lib/runtime/lifecycle";
import { requestContext, setRequestUser } from "@/lib/runtime/request-context";
import { RETRY_AFTER_SECONDS, requestListener } from "./requests";

const lines: Record<string, unknown>[] = [];
const logger = pino(
  { level: "info" },
  new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  }),
);

/** What the stand-in handler does, chosen by the path. */
async function handle(req: IncomingMessage, res: ServerResponse) {
  const context = requestContext();
  const url = new URL(req.url!, "http://x");
  if (url.pathname === "/whoami") {
    setRequestUser("user-42");
    res.setHeader("content-type", "text/plain");
    res.end(`request ${context?.requestId}`);
  } else if (url.pathname === "/db-down") {
    // As the app does when PostgreSQL cannot be reached: the error page, status 500.
    await new Promise((resolve) => setTimeout(resolve, 5));
    context!.databaseUnavailable = true;
    res.statusCode = 500;
    res.end("The database cannot be reached");
  } else if (url.pathname === "/db-down-writehead") {
    context!.databaseUnavailable = true;
    res.writeHead(500, "Internal Server Error", { "content-type": "text/plain" });
    res.end("x");
  } else if (url.pathname === "/db-down-but-fine") {
    context!.databaseUnavailable = true;
    res.end("served from what was at hand");
  } else if (url.pathname === "/bug") {
    res.statusCode = 500;
    res.end("bug");
  } else if (url.pathname === "/slow") {
    res.write("first part ");
    await new Promise((resolve) => setTimeout(resolve, 2000));
    res.end("too late");
  } else if (url.pathname.startsWith("/_next/static/")) {
    res.end("asset");
  } else {
    res.statusCode = 404;
    res.end();
  }
}

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer(requestListener(handle, logger).listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const linesFor = (requestId: string) => lines.filter((l) => l.requestId === requestId);
async function logged(requestId: string) {
  await expect.poll(() => linesFor(requestId).length).toBeGreaterThan(0);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return linesFor(requestId);
}

describe("the request context and the access log", () => {
  it("keeps a sane incoming request id, gives it to the app, echoes it, and logs one line with the person's id", async () => {
    const response = await fetch(`${base}/whoami?secret=not-logged`, { headers: { "x-request-id": "lb-request-0001" } });
    expect(response.headers.get("x-request-id")).toBe("lb-request-0001");
    expect(await response.text()).toBe("request lb-request-0001");
    const entries = await logged("lb-request-0001");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      msg: "request",
      method: "GET",
      route: "/whoami",
      status: 200,
      bytes: Buffer.byteLength("request lb-request-0001"),
      userId: "user-42",
      aborted: false,
    });
    expect(typeof entries[0]!.durationMs).toBe("number");
    expect(JSON.stringify(entries[0])).not.toContain("secret");
  });

  it("makes its own request id when the incoming one is missing or odd", async () => {
    for (const sent of [undefined, "short", "has spaces in it", "x".repeat(200)]) {
      const response = await fetch(`${base}/whoami`, { headers: sent ? { "x-request-id": sent } : {} });
      const id = response.headers.get("x-request-id")!;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(await response.text()).toBe(`request ${id}`);
    }
  });

  it("logs a response cut short as aborted, once", async () => {
    const id = "cut-request-0001";
    await new Promise<void>((resolve) => {
      const req = http.get(`${base}/slow`, { headers: { "x-request-id": id } }, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", () => undefined);
    });
    const entries = await logged(id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ route: "/slow", aborted: true });
  });

  it("keeps the build's static files out of the info-level log", async () => {
    const response = await fetch(`${base}/_next/static/chunks/app.js`, { headers: { "x-request-id": "static-request-01" } });
    expect(await response.text()).toBe("asset");
    await logged("lb-request-0001");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(linesFor("static-request-01")).toEqual([]);
  });
});

describe("the database out of reach", () => {
  it("turns the app's server error into 503 with Retry-After, however the head is written", async () => {
    for (const path of ["/db-down", "/db-down-writehead"]) {
      const response = await fetch(`${base}${path}`, { headers: { "x-request-id": `unavailable${path.replace(/\W/g, "-")}` } });
      expect(response.status, path).toBe(503);
      expect(response.statusText, path).toBe("Service Unavailable");
      expect(response.headers.get("retry-after"), path).toBe(RETRY_AFTER_SECONDS);
      const entries = await logged(`unavailable${path.replace(/\W/g, "-")}`);
      expect(entries[0]).toMatchObject({ status: 503 });
    }
  });

  it("leaves a successful answer and a plain server error as they are", async () => {
    const fine = await fetch(`${base}/db-down-but-fine`);
    expect(fine.status).toBe(200);
    expect(fine.headers.get("retry-after")).toBeNull();
    const bug = await fetch(`${base}/bug`);
    expect(bug.status).toBe(500);
    expect(bug.headers.get("retry-after")).toBeNull();
  });
});

describe("draining", () => {
  it("asks the client to close the connection once the instance is shutting down", async () => {
    const before = await fetch(`${base}/whoami`);
    expect(before.headers.get("connection")).not.toBe("close");
    await before.text();
    startDraining();
    const after = await fetch(`${base}/whoami`);
    expect(after.status).toBe(200);
    expect(after.headers.get("connection")).toBe("close");
    await after.text();
  });
});
