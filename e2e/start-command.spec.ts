// `npm start` as a person on a machine with only Node.js runs it: the embedded database, demo
// data on first run, concurrent requests, Ctrl-C, and everything still there after a restart.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { screenshot, signInAsDemo } from "./helpers";

const PORT = 3290;
const base = `http://localhost:${PORT}`;
const dataDir = mkdtempSync(path.join(tmpdir(), "irci-start-"));

const started: ChildProcess[] = [];

function startPortal(): { child: ChildProcess; output: () => string } {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), EMBEDDED_DATA_DIR: dataDir };
  for (const name of ["DATABASE_URL", "PORTAL_MODE", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "EMAIL_SERVER"]) delete env[name];
  const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], {
    cwd: path.resolve(__dirname, ".."),
    env,
  });
  started.push(child);
  let text = "";
  child.stdout?.on("data", (d: Buffer) => (text += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (text += d.toString()));
  return { child, output: () => text };
}

async function waitUntilServing(output: () => string) {
  await expect
    .poll(async () => fetch(`${base}/signin`).then((r) => r.status, () => 0), { timeout: 120_000, message: output() })
    .toBe(200);
}

async function stop(child: ChildProcess) {
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  return exited;
}

test.describe.configure({ timeout: 240_000 });
test.afterAll(async () => {
  // Whatever happened in the test, leave nothing running.
  for (const child of started) if (child.exitCode === null) await stop(child);
  rmSync(dataDir, { recursive: true, force: true });
});

test("npm start serves the demo on the embedded database, stops on Ctrl-C and keeps the data", async ({ page }) => {
  expect(await fetch(`${base}/signin`).then(() => "taken", () => "free"), `port ${PORT} is already in use`).toBe("free");
  const first = startPortal();
  await waitUntilServing(first.output);
  expect(first.output()).toContain("embedded PostgreSQL (PGlite)");
  expect(first.output()).toContain("first run: seeded 8 organizations, 9 expert groups, 15 demo people");

  await signInAsDemo(page, "Charlie Consort", base);
  await page.goto(`${base}/organizations`);
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(8);
  await screenshot(page, "embedded-organizations");

  // Many requests at once go through the pool, not one connection.
  const statuses = await Promise.all(
    Array.from({ length: 40 }, (_, i) => page.request.get(`${base}/${i % 2 ? "organizations" : "groups"}`).then((r) => r.status())),
  );
  expect(statuses.every((s) => s === 200)).toBe(true);

  expect(await stop(first.child)).toBe(0);
  expect(existsSync(path.join(dataDir, "embedded.json"))).toBe(false);

  const second = startPortal();
  await waitUntilServing(second.output);
  expect(second.output()).toContain("database schema is up to date");
  expect(second.output()).not.toContain("first run");
  // The session made before the restart is still valid: its row and the secret were kept.
  await page.goto(`${base}/dashboard`);
  await expect(page.getByRole("heading", { name: "Welcome, Charlie" })).toBeVisible();
  expect(await stop(second.child)).toBe(0);
});
