// npm test: everything, in order, stopping at the first failure.
// Type checking, lint, formatting, unit tests, integration tests on a fresh PostgreSQL database, a production
// build, and the end-to-end tests in Chromium against it. Ends with one line counting the tests.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findChromium, NO_BROWSER_MESSAGE } from "./lib/browser";
import { startThrowawayServer } from "../ops/embedded/server";
import { answers, LOCAL_SERVER_URL } from "./lib/test-database";
import { requireSupportedNode } from "./lib/node-version";

requireSupportedNode();

const root = path.resolve(__dirname, "..");
// Outside test-results/, which Playwright empties when it starts.
const reports = path.join(tmpdir(), `irci-test-reports-${process.pid}`);
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "1" };
let stopServer: () => Promise<void> = async () => {};

class StepFailed extends Error {}

interface Counts {
  passed: number;
  failed: number;
}
const totals: Counts = { passed: 0, failed: 0 };

function step(title: string, command: string, args: string[], extraEnv: Record<string, string> = {}) {
  const started = Date.now();
  console.log(`\n━━ ${title} ━━`);
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) throw new StepFailed(`${title} failed after ${seconds}s`);
  console.log(`✓ ${title} (${seconds}s)`);
}

function vitestCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}

function playwrightCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
}

function count(reader: (file: string) => Counts, file: string) {
  if (!existsSync(file)) return;
  const c = reader(file);
  totals.passed += c.passed;
  totals.failed += c.failed;
}

async function finish(code: number): Promise<never> {
  await stopServer().catch((error: Error) => console.error(`could not stop the embedded PostgreSQL server: ${error.message}`));
  count(vitestCounts, path.join(reports, "unit.json"));
  count(vitestCounts, path.join(reports, "integration.json"));
  count(playwrightCounts, path.join(reports, "e2e.json"));
  rmSync(reports, { recursive: true, force: true });
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code === 0 && totals.failed > 0 ? 1 : code);
}

function ensureBrowser() {
  if (findChromium()) return;
  console.log("No Chromium found: trying to install Playwright's own (needs the internet).");
  const install = spawnSync(bin("playwright"), ["install", "chromium"], { stdio: "inherit", cwd: root, env });
  if (install.status !== 0 || !findChromium()) throw new StepFailed(NO_BROWSER_MESSAGE);
}

/**
 * The tests need a PostgreSQL server: DATABASE_URL, else the one on 127.0.0.1:5432, else one of
 * their own (the embedded server `npm start` uses), started here for the integration and
 * end-to-end tests alike and deleted at the end.
 */
async function ensureDatabaseServer() {
  if (env.DATABASE_URL || (await answers(LOCAL_SERVER_URL))) return;
  console.log("No PostgreSQL server on 127.0.0.1:5432 and no DATABASE_URL: starting an embedded PostgreSQL server for the tests.");
  const server = await startThrowawayServer();
  stopServer = server.stop;
  env.DATABASE_URL = server.url;
}

async function main() {
  // Stopped from outside (Ctrl-C, a CI timeout): the embedded server and its folder go too.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => void finish(130));
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  await ensureDatabaseServer();

  step("Prisma client", "npm", ["run", "--silent", "db:generate"]);
  step("Type check", bin("tsc"), ["--noEmit"]);
  step("Lint", bin("eslint"), ["--max-warnings=0", "."]);
  step("Formatting (Prettier)", bin("prettier"), ["--check", "."]);
  const vitestJson = (name: string) => ["--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, `${name}.json`)}`];
  step("Unit tests", bin("vitest"), ["run", "--project", "unit", ...vitestJson("unit")]);
  step("Integration tests (PostgreSQL)", bin("vitest"), ["run", "--project", "integration", ...vitestJson("integration")]);
  // Without DATABASE_URL: no page may read data while being built (lib/db.ts fails the build if one does).
  // npm run build: `next build`, then the server entry and the image's scripts (scripts/bundle.ts).
  step("Production build", "npm", ["run", "--silent", "build"], { DATABASE_URL: "" });
  ensureBrowser();
  step("End-to-end tests (Chromium)", bin("playwright"), ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, "e2e.json"),
  });
  await finish(0);
}

main().catch(async (error: Error) => {
  console.error(`\n✗ ${error instanceof StepFailed ? error.message : error.stack}`);
  await finish(1);
});
