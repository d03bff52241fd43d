// The production image, as far as it can be tried without a Docker engine: its runtime layout is
// assembled from this build by the runtime stage's own COPY lines (so the test follows the
// Dockerfile), far from the project's node_modules; there the image's migrate step and reference
// seed prepare a fresh database, the image's command serves the sign-in page and the browser's
// files, and SIGTERM (docker stop) ends it cleanly within the bound.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createTestDatabase, type TestDatabase } from "../scripts/lib/test-database";
import { launchServer, type ServerProcess } from "./server-process";

const ROOT = path.join(__dirname, "..");
/** The server's own bound (ops/server/main.ts), plus a margin for a busy machine. */
const SHUTDOWN_LIMIT_MS = 25_000 + 5_000;

interface RuntimeStage {
  copies: { from: string; to: string }[];
  command: string[];
  entrypoint: string[];
}

/** The last stage of the Dockerfile: what it copies from the build stage, and what it runs. */
function runtimeStage(dockerfile: string): RuntimeStage {
  // Continuation lines joined, comments dropped.
  const lines = dockerfile
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const lastFrom = lines.findLastIndex((l) => /^FROM\s/i.test(l));
  const stage = lines.slice(lastFrom);
  const copies = stage
    .filter((l) => /^COPY\s/i.test(l))
    .map((l) => {
      const words = l.split(/\s+/).slice(1);
      if (!words.some((w) => w.startsWith("--from="))) throw new Error(`the runtime stage copies from the build context: ${l}`);
      const [from, to] = words.filter((w) => !w.startsWith("--"));
      if (!from || !to) throw new Error(`cannot read ${l}`);
      return { from, to };
    });
  const json = (instruction: string) => {
    const line = stage.find((l) => l.toUpperCase().startsWith(`${instruction} `));
    return line ? (JSON.parse(line.slice(instruction.length + 1)) as string[]) : [];
  };
  return { copies, command: json("CMD"), entrypoint: json("ENTRYPOINT") };
}

test.describe.configure({ mode: "serial", timeout: 300_000 });

let layout: string;
let database: TestDatabase;
let server: ServerProcess | undefined;

test.beforeAll(async () => {
  layout = mkdtempSync(path.join(tmpdir(), "irci-image-"));
  database = await createTestDatabase("image");
});

test.afterAll(async () => {
  // Dropping a database waits for a checkpoint, slow while other suites write a great deal.
  test.setTimeout(180_000);
  await server?.stop();
  await database?.drop();
  rmSync(layout, { recursive: true, force: true });
});

test("the image's layout, migrate step and server serve the portal and stop cleanly on SIGTERM", async () => {
  const stage = runtimeStage(readFileSync(path.join(ROOT, "Dockerfile"), "utf8"));
  expect(stage.entrypoint, "an init process passes signals on").toEqual(["tini", "--"]);
  expect(stage.command[0], "node itself is the command, so SIGTERM reaches the server").toBe("node");

  // The build stage works in /app, as does the runtime stage.
  for (const { from, to } of stage.copies) {
    const source = path.join(ROOT, from.replace(/^\/app\/?/, ""));
    expect(existsSync(source), `${from} exists in the build`).toBe(true);
    cpSync(source, path.join(layout, to), { recursive: true });
  }
  expect(existsSync(path.join(layout, "node_modules", "next")), "Next is in the standalone output").toBe(true);

  // docker compose's `migrate` service: the same commands, in the same layout.
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NODE_ENV: "production" };
  const compose = readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8");
  for (const command of ["node .next/portal/migrate.cjs deploy", "node .next/portal/seed.cjs --reference-only"]) {
    expect(compose, `the migrate service runs ${command}`).toContain(command);
    const [node, ...args] = command.split(" ");
    expect(node).toBe("node");
    const run = spawnSync(process.execPath, args, { cwd: layout, env, encoding: "utf8", timeout: 120_000 });
    expect(run.status, `${command}:\n${run.stdout}\n${run.stderr}`).toBe(0);
  }

  // A backup taken with the image's own program (README, Backup and restore: `docker compose run`).
  const backupFile = path.join(layout, "backup-from-image.sql.gz");
  const backup = spawnSync(process.execPath, [".next/portal/backup.cjs", "--out", backupFile], {
    cwd: layout,
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(backup.status, `backup.cjs:\n${backup.stdout}\n${backup.stderr}`).toBe(0);
  expect(statSync(backupFile).size, "the backup holds the reference data").toBeGreaterThan(1000);

  // The first secretariat account, added with the image's own program (README, Running it with Docker).
  const people = spawnSync(
    process.execPath,
    [".next/portal/people.cjs", "add", "--email", "secretariat@irci.example", "--name", "IRCI Secretariat", "--secretariat"],
    { cwd: layout, env, encoding: "utf8", timeout: 120_000 },
  );
  expect(people.status, `people.cjs:\n${people.stdout}\n${people.stderr}`).toBe(0);

  const script = stage.command.at(-1)!;
  server = await launchServer("image", {
    databaseUrl: database.url,
    demo: false,
    cwd: layout,
    script: path.join(layout, script),
    // Production settings, as the compose file gives them; the mail server is never reached here.
    env: { EMAIL_SERVER: "smtp://127.0.0.1:9", NODE_OPTIONS: stage.command.slice(1, -1).join(" ") },
  });

  // Served from the layout, not from the project: Next runs from the layout's node_modules.
  const page = await fetch(`${server.baseURL}/signin`, { headers: { "x-request-id": "image-test-request-0001" } });
  expect(page.status).toBe(200);
  expect(page.headers.get("x-request-id"), "a sane incoming request id is kept").toBe("image-test-request-0001");
  const html = await page.text();
  expect(html).toContain("Sign in");
  const assets = [...html.matchAll(/\/_next\/static\/[^"'\s)]+\.(?:js|css)/g)].map((m) => m[0]);
  expect(assets.length, "the page links the build's static files").toBeGreaterThan(0);
  for (const asset of new Set(assets.slice(0, 5))) {
    const response = await fetch(`${server.baseURL}${asset}`);
    expect(response.status, asset).toBe(200);
    expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
  }
  const weird = await fetch(`${server.baseURL}/signin`, { headers: { "x-request-id": "bad id\twith spaces" } });
  expect(weird.headers.get("x-request-id"), "an odd request id is replaced").toMatch(/^[0-9a-f-]{36}$/);

  // One access log line per request, with the id the client sent.
  await expect
    .poll(() => server!.lines().find((l) => l.msg === "request" && l.requestId === "image-test-request-0001"), { timeout: 10_000 })
    .toMatchObject({ method: "GET", route: "/signin", status: 200, aborted: false });
  expect(server.lines().find((l) => l.msg === "request" && l.requestId === "image-test-request-0001")?.bytes).toBeGreaterThan(1000);

  // Ready, as compose's health check waits for: the job workers run (they start beside the server).
  await expect.poll(async () => (await fetch(`${server!.baseURL}/api/health/ready`)).status, { timeout: 60_000 }).toBe(200);

  // docker stop: SIGTERM, exit 0 within the bound, having stopped the workers and the pool.
  const sent = Date.now();
  server.child.kill("SIGTERM");
  const exit = await server.exited;
  const took = exit.at - sent;
  console.log(`image layout: stopped ${took} ms after SIGTERM`);
  expect(exit, server.text().slice(-3000)).toMatchObject({ code: 0, signal: null });
  expect(took).toBeLessThan(SHUTDOWN_LIMIT_MS);
  const messages = server.lines().map((l) => l.msg);
  expect(messages).toContain("shutting down: draining");
  expect(messages).toContain("shutdown complete");
  expect(
    server
      .lines()
      .filter((l) => l.msg === "stopped")
      .map((l) => l.step),
  ).toEqual(expect.arrayContaining(["job workers", "database pool"]));
});
