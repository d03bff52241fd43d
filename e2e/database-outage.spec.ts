// PostgreSQL stopped under load, then started again on the same port with the same data: a
// production instance answers a plain "the database is away" page (no stack trace, nothing of the
// driver's error), its readiness says 503 while liveness stays 200, and it serves again without a
// restart. Four clients keep asking all along; the figures are printed for the operations note.
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createPrismaClient } from "../lib/prisma-client";
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "../ops/embedded/server";
import { migrate } from "../scripts/lib/test-database";
import { signInAsDemo } from "./helpers";
import { type Portal, startPortal } from "./portal";

const ROOT = path.join(__dirname, "..");
/**
 * With the server entry (ops/server) the status of a request that could not reach the database is
 * 503 with Retry-After; `next start` alone answers 500 with the same page.
 */
const SERVER_ENTRY = existsSync(path.join(ROOT, "ops", "server", "main.ts"));
const OUTAGE_STATUS = SERVER_ENTRY ? 503 : 500;
const OUTAGE_TEXT = "The portal cannot reach its database at the moment.";
// A search: the unfiltered first page is kept a minute in the instance's cache, a search is not.
const TRIALS = "/trials?q=sarcoma";

/** What no answer may contain: a stack frame, a file of the server, the driver's or Prisma's words. */
function leaks(body: string): string | null {
  const patterns = [
    /\bat [\w$.<>]+ \(.*:\d+:\d+\)/,
    /node_modules/,
    /\.tsx?:\d+/,
    /Invalid `prisma/,
    /PrismaClient/,
    /ECONNREFUSED/,
    /57P01/,
    /postgresql:\/\//,
  ];
  return patterns.find((p) => p.test(body))?.source ?? null;
}

interface Sample {
  at: number;
  path: string;
  status: number;
  retryAfter: string | null;
  leak: string | null;
}

let dir: string;
let options: Parameters<typeof startEmbeddedDatabase>[0];
let database: EmbeddedDatabase | undefined;
let portal: Portal;
/** The load's clients run while this is true (set false on the way out, also when a check failed). */
let running = false;

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = mkdtempSync(path.join(tmpdir(), "irci-outage-e2e-"));
  chmodSync(dir, 0o755); // as root the server runs as `postgres`, who must enter it
  options = { clusterDir: path.join(dir, "cluster"), passwordFile: path.join(dir, "password"), persistent: true, port: await freePort() };
  database = await startEmbeddedDatabase(options);
  await migrate(database.url);
  const seeding = createPrismaClient(database.url, 2);
  const { seedDatabase } = await import("../ops/seed");
  await seedDatabase(seeding, { demo: true });
  await seeding.$disconnect();
  portal = await startPortal("outage", { demo: true, databaseUrl: database.url });
});

test.afterAll(async () => {
  running = false;
  await portal?.stop();
  await database?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("PostgreSQL restarted under load: a clear 503 page, never a stack, and the instance recovers by itself", async ({ browser }) => {
  const base = portal.baseURL;
  // A signed-in person too: the layout reads their session, so their page fails as a whole.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsDemo(page, "Quinn Quorum", base);
  // A form open when the database goes away: its Save must say that nothing was saved.
  await page.goto(`${base}/notifications/settings`);
  const mentions = page.getByRole("group", { name: "Someone mentions me or replies to my comment" });
  const choice = (await mentions.getByRole("radio", { name: "Daily digest" }).isChecked()) ? "Off" : "Daily digest";

  await expect.poll(async () => (await fetch(`${base}/api/health/ready`)).status, { timeout: 60_000 }).toBe(200);

  const samples: Sample[] = [];
  running = true;
  const paths = [TRIALS, "/api/health/ready", "/api/health/live"];
  const clients = Array.from({ length: 4 }, async (_, n) => {
    for (let i = n; running; i++) {
      const target = paths[i % paths.length]!;
      const at = Date.now();
      try {
        const response = await fetch(`${base}${target}`, { headers: { accept: "text/html" } });
        const body = await response.text();
        samples.push({ at, path: target, status: response.status, retryAfter: response.headers.get("retry-after"), leak: leaks(body) });
      } catch {
        samples.push({ at, path: target, status: 0, retryAfter: null, leak: null });
      }
    }
  });

  // Steady load with the database up: everything answers.
  await expect.poll(() => samples.filter((s) => s.path === TRIALS).length, { timeout: 60_000 }).toBeGreaterThan(8);
  expect(samples.filter((s) => s.status !== 200)).toEqual([]);

  const stoppedAt = Date.now();
  await database!.stop();
  database = undefined;

  // Within seconds, the pages say the database is away, and readiness takes the instance out.
  await expect
    .poll(() => samples.filter((s) => s.at > stoppedAt && s.path === TRIALS && s.status === OUTAGE_STATUS).length, { timeout: 30_000 })
    .toBeGreaterThan(4);
  await expect
    .poll(() => samples.filter((s) => s.at > stoppedAt && s.path === "/api/health/ready" && s.status === 503).length, { timeout: 30_000 })
    .toBeGreaterThan(2);
  const firstOutage = samples.find((s) => s.at > stoppedAt && s.path === TRIALS && s.status === OUTAGE_STATUS)!;

  // The person who pressed Save is told the database is away and nothing was saved.
  await mentions.getByRole("radio", { name: choice }).check();
  await page.getByRole("button", { name: "Save email settings" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "The portal cannot reach its database at the moment: nothing was saved." }),
  ).toBeVisible();
  expect(leaks(await page.content())).toBeNull();

  // What a person sees, anonymous and signed in.
  const anonymous = await browser.newPage();
  const answer = await anonymous.goto(`${base}${TRIALS}`);
  expect(answer!.status()).toBe(OUTAGE_STATUS);
  await expect(anonymous.getByRole("heading", { name: "The portal is unavailable for a moment" })).toBeVisible();
  await expect(anonymous.getByText(OUTAGE_TEXT)).toBeVisible();
  await expect(anonymous.getByText(/Reference: DATABASE_UNAVAILABLE:[0-9a-f]{8}/)).toBeVisible();
  expect(leaks(await anonymous.content())).toBeNull();
  const signedIn = await page.goto(`${base}/dashboard`);
  expect(signedIn!.status()).toBe(OUTAGE_STATUS);
  await expect(page.getByText(OUTAGE_TEXT)).toBeVisible();
  expect(leaks(await page.content())).toBeNull();
  const health = (await (await fetch(`${base}/api/health/ready`)).json()) as {
    status: string;
    checks: { database: { ok: boolean; detail: string } };
  };
  expect(health).toMatchObject({ status: "unavailable", checks: { database: { ok: false, detail: "cannot be reached" } } });

  // Back on the same port with the same data: the same instance serves again, without a restart.
  database = await startEmbeddedDatabase(options);
  const backAt = Date.now();
  await expect
    .poll(() => samples.filter((s) => s.at > backAt && s.path === TRIALS && s.status === 200).length, { timeout: 60_000 })
    .toBeGreaterThan(2);
  await expect
    .poll(() => samples.filter((s) => s.at > backAt && s.path === "/api/health/ready" && s.status === 200).length, { timeout: 60_000 })
    .toBeGreaterThan(0);
  const firstServed = samples.find((s) => s.at > backAt && s.path === TRIALS && s.status === 200)!;
  const firstReady = samples.find((s) => s.at > backAt && s.path === "/api/health/ready" && s.status === 200)!;
  const settledAt = Date.now();
  await expect.poll(() => samples.filter((s) => s.at > settledAt).length, { timeout: 30_000 }).toBeGreaterThan(20);
  running = false;
  await Promise.all(clients);

  // After recovery every answer is a 200 again (liveness was 200 throughout).
  expect(samples.filter((s) => s.at > settledAt && s.status !== 200)).toEqual([]);
  expect(samples.filter((s) => s.path === "/api/health/live" && s.status !== 200)).toEqual([]);
  // No answer at any time carried a stack trace or the driver's words; none was a connection failure.
  expect(samples.filter((s) => s.leak !== null)).toEqual([]);
  expect(samples.filter((s) => s.status === 0)).toEqual([]);
  // Every failed page during the outage was the outage answer, nothing else.
  const failedPages = samples.filter((s) => s.path === TRIALS && s.status !== 200);
  expect(failedPages.filter((s) => s.status !== OUTAGE_STATUS)).toEqual([]);
  if (SERVER_ENTRY) expect(failedPages.filter((s) => !s.retryAfter)).toEqual([]);
  // The settings are as they were: the Save during the outage wrote nothing.
  await page.goto(`${base}/notifications/settings`);
  await expect(mentions.getByRole("radio", { name: choice })).not.toBeChecked();

  const failed = samples.filter((s) => s.status !== 200 && s.path !== "/api/health/live").length;
  console.log(
    `[outage] requests ${samples.length}, failed ${failed} (pages ${failedPages.length}, readiness ${samples.filter((s) => s.path === "/api/health/ready" && s.status !== 200).length}), ` +
      `first outage answer ${firstOutage.at - stoppedAt} ms after PostgreSQL stopped, pages served again ${firstServed.at - backAt} ms and ready ${firstReady.at - backAt} ms after it was back`,
  );
  await context.close();
  await anonymous.close();
});
