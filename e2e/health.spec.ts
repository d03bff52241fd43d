// The endpoints a load balancer and a container engine probe, on a production instance of its own:
// liveness always 200, readiness 200 only when its database is migrated and its workers run, 503
// naming what is wrong otherwise; neither needs a session, is redirected or cached. And a production
// instance with a placeholder secret and no public address refuses to start, saying what to fix.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../ops/embedded/server";
import { PLACEHOLDER_SECRET } from "../lib/config";
import { type Portal, startPortal } from "./portal";

const ROOT = path.join(__dirname, "..");

let portal: Portal;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Production mode with its strict settings: the end-to-end secret must pass them. The mail server
  // is never reached here (nobody asks for a sign-in link).
  portal = await startPortal("health", { demo: false, env: { EMAIL_SERVER: "smtp://127.0.0.1:9" } });
});

test.afterAll(async () => {
  await portal?.stop();
});

test("liveness answers 200 without a session, never cached", async () => {
  const response = await fetch(`${portal.baseURL}/api/health/live`, { redirect: "manual" });
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(await response.json()).toEqual({ status: "ok" });
});

test("readiness answers 200 on a migrated database once the job workers run, and 503 naming a migration that is missing", async () => {
  const ready = () => fetch(`${portal.baseURL}/api/health/ready`, { redirect: "manual" });
  // The workers start beside the server: readiness waits for them.
  await expect.poll(async () => (await ready()).status, { timeout: 60_000 }).toBe(200);
  const answer = await ready();
  expect(answer.headers.get("cache-control")).toBe("no-store");
  expect(await answer.json()).toMatchObject({
    status: "ready",
    checks: {
      database: { ok: true },
      migrations: { ok: true, detail: expect.stringMatching(/^all \d+ applied$/) },
      workers: { ok: true, detail: "running" },
      draining: { ok: true },
    },
  });

  // As if this build shipped a migration the database lacks (a deploy that skipped the migrate step).
  const [last] = await portal.db.$queryRaw<{ migration_name: string }[]>`
    select migration_name from _prisma_migrations order by migration_name desc limit 1`;
  await portal.db.$executeRaw`update _prisma_migrations set rolled_back_at = now() where migration_name = ${last!.migration_name}`;
  try {
    // The answer is reused for a second: poll until the instance has asked again.
    await expect.poll(async () => (await ready()).status, { timeout: 10_000 }).toBe(503);
    const body = (await (await ready()).json()) as { status: string; checks: Record<string, { ok: boolean; pending?: string[] }> };
    expect(body.status).toBe("unavailable");
    expect(body.checks.database!.ok).toBe(true);
    expect(body.checks.migrations).toMatchObject({ ok: false, pending: [last!.migration_name] });
  } finally {
    await portal.db.$executeRaw`update _prisma_migrations set rolled_back_at = null where migration_name = ${last!.migration_name}`;
  }
  await expect.poll(async () => (await ready()).status, { timeout: 10_000 }).toBe(200);
});

test("a production instance with the placeholder secret and no public address does not start, and says what to fix", async () => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORTAL_MODE: "production",
    DATABASE_URL: portal.databaseUrl,
    EMAIL_SERVER: "smtp://127.0.0.1:9",
    NEXTAUTH_SECRET: PLACEHOLDER_SECRET,
    LOG_FORMAT: "json",
  };
  delete env.NEXTAUTH_URL;
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    cwd: ROOT,
    env,
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  expect(code).toBe(1);
  expect(output).toContain("NEXTAUTH_SECRET: is the placeholder from .env.example");
  expect(output).toContain("openssl rand -hex 32");
  expect(output).toContain("NEXTAUTH_URL: is not set");
  // Nothing was served meanwhile.
  expect(
    await fetch(`http://localhost:${port}/api/health/live`).then(
      (r) => r.status,
      () => 0,
    ),
  ).toBe(0);
});
