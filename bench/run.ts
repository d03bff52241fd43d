// npm run bench: builds for production, loads 1x and 100x data into databases of its own, starts
// the server on each, drives every page with autocannon from this process, and writes the results
// (JSON and Markdown) to bench/results/, compared with the previous committed result.
//
//   npm run bench                          both scales, 10 s per page
//   npm run bench -- --scales 1 --seconds 5 --no-build
//   npm run bench -- --serve 100 --no-build    load 100x and keep the server up, to look around
//                                              (signed in with the cookie bench/load.ts names)
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SERVER_BUNDLE } from "../ops/server/paths";
import { createTestDatabase, migrate, type TestDatabase } from "../scripts/lib/test-database";
import { BENCH_PERSON, BENCH_VOTE_PROPOSAL, generate, type Scale } from "./generate";
import { castBallot, COOKIE, drive, once, saveDraft, type Target } from "./load";
import { compare, markdown, type PageResult, type Results } from "./report";
import { FORECAST_BUDGET_MS, measureForecast } from "./forecast";

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS = path.join(ROOT, "bench/results");
const CONNECTIONS = 10;
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 288);

const { values: args } = parseArgs({
  options: {
    scales: { type: "string", default: "1,100" },
    seconds: { type: "string", default: "10" },
    "no-build": { type: "boolean", default: false },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3400" },
    label: { type: "string" },
    serve: { type: "string" },
    /** Only the pages whose name contains one of these, "|"-separated (the baselines always run). */
    only: { type: "string" },
  },
});
const scales = args.scales!.split(",").map((s) => Number(s) as Scale);
const seconds = Number(args.seconds);
const port = Number(args.port);
const baseUrl = `http://localhost:${port}`;
const log = (line: string) => console.log(`[bench] ${line}`);

function sh(command: string, argv: string[]): string {
  return execFileSync(command, argv, { cwd: ROOT, encoding: "utf8" }).trim();
}

/** Resident memory of the server and every process it started, in bytes. */
function treeRss(pid: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      continue;
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000} s`);
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, [SERVER_BUNDLE], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: "10",
      PORTAL_MODE: "demo",
      PORTAL_DEMO_ON_SERVER: "true",
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "bench-secret-not-for-production",
      PORT: String(port),
      // The timed jobs would add work of their own at random moments: off, so pages are measured alone.
      JOBS: "off",
      BENCH_STATS: "1",
      // V8 would otherwise let the heap grow towards a quarter of the machine's memory before
      // collecting in earnest. A container-sized old space, with a young generation large enough
      // that rendering's short-lived garbage dies young, is what production runs with (README).
      NODE_OPTIONS: `--max-old-space-size=${HEAP_MB} --max-semi-space-size=32`,
    },
  });
  await waitFor(`${baseUrl}/robots.txt`, 60_000);
  return server;
}

async function stats(): Promise<{ queries: number }> {
  return (await (await fetch(`${baseUrl}/api/bench/stats`)).json()) as { queries: number };
}

async function targets(databaseUrl: string): Promise<Target[]> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const total = Number((await client.query(`SELECT count(*) FROM "Proposal"`)).rows[0].count);
  const voteId = (await client.query(`SELECT id FROM "Vote" WHERE "proposalId" = $1`, [BENCH_VOTE_PROPOSAL])).rows[0].id as string;
  await client.end();
  const middle = Math.max(1, Math.ceil(total / 20 / 2));
  return [
    { name: "static (robots.txt)", kind: "baseline", path: "/robots.txt", signedIn: false },
    { name: "dynamic, no data (/help)", kind: "baseline", path: "/help", signedIn: true },
    { name: "dashboard", kind: "page", path: "/dashboard", signedIn: true },
    { name: "proposals: first page", kind: "page", path: "/proposals", signedIn: true },
    { name: `proposals: middle page (${middle})`, kind: "page", path: `/proposals?page=${middle}`, signedIn: true },
    { name: "proposals: filtered", kind: "page", path: "/proposals?status=IN_REVIEW&lead=nci", signedIn: true },
    { name: "proposals: search", kind: "page", path: "/proposals?q=immunotherapy", signedIn: true },
    { name: "proposal page", kind: "page", path: `/proposals/${BENCH_VOTE_PROPOSAL}`, signedIn: true },
    { name: "portfolio dashboard", kind: "page", path: "/portfolio", signedIn: true },
    { name: "public portfolio (/trials)", kind: "page", path: "/trials", signedIn: false },
    {
      name: "write: save a draft",
      kind: "write",
      path: "/proposals/bench-draft-1/edit",
      signedIn: true,
      write: await saveDraft(ROOT, databaseUrl),
    },
    {
      name: "write: cast a ballot",
      kind: "write",
      path: `/proposals/${BENCH_VOTE_PROPOSAL}`,
      signedIn: true,
      write: await castBallot(ROOT, voteId),
    },
  ];
}

/** A database of its own with the seed and the scale's generated data. */
async function loadScale(database: TestDatabase, scale: Scale): Promise<Record<string, number>> {
  await migrate(database.url);
  const { createPrismaClient } = await import("../lib/prisma-client");
  const { seedDatabase } = await import("../ops/seed");
  const prisma = createPrismaClient(database.url, 2);
  await seedDatabase(prisma, { demo: true });
  await prisma.$disconnect();
  log(`${scale}x: generating data`);
  return generate(database.url, scale, log);
}

async function measureScale(
  scale: Scale,
): Promise<{ pages: PageResult[]; data: Record<string, number>; peakRss: number; loadSeconds: number }> {
  const database = await createTestDatabase(`bench${scale}x`, log);
  let server: ChildProcess | undefined;
  try {
    const started = Date.now();
    const data = await loadScale(database, scale);
    const loadSeconds = (Date.now() - started) / 1000;
    log(
      `${scale}x: loaded in ${loadSeconds.toFixed(0)} s: ${Object.entries(data)
        .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
        .join(", ")}`,
    );

    server = await startServer(database.url);
    const pid = server.pid!;
    let peak = 0;
    let pagePeak = 0;
    const sampler = setInterval(() => {
      const rss = treeRss(pid);
      peak = Math.max(peak, rss);
      pagePeak = Math.max(pagePeak, rss);
    }, 100);
    const pages: PageResult[] = [];
    try {
      const all = await targets(database.url);
      for (const target of all.filter(
        (t) => !args.only || t.kind === "baseline" || args.only.split("|").some((term) => t.name.includes(term)),
      )) {
        // Warm up (compile caches, connection pool, PostgreSQL's buffers), then measure.
        await once(baseUrl, target);
        await drive(baseUrl, target, 2, CONNECTIONS);
        await new Promise((r) => setTimeout(r, 1000));
        pagePeak = 0;
        const load = await drive(baseUrl, target, seconds, CONNECTIONS);
        // Let the requests cut off at the end of the run finish before counting queries.
        await new Promise((r) => setTimeout(r, 1000));
        const before = await stats();
        const samples = 5;
        for (let i = 0; i < samples; i++) await once(baseUrl, target);
        const after = await stats();
        const queries = (after.queries - before.queries) / samples;
        const problems = load.errors + load.non2xx + load.refused;
        pages.push({ name: target.name, kind: target.kind, path: target.path, ...load, queries, peakRssMB: pagePeak / 2 ** 20 });
        log(
          `${scale}x ${target.name.padEnd(34)} ${load.rps.toFixed(0).padStart(6)} req/s  p50 ${String(load.p50).padStart(4)} ms  p99 ${String(load.p99).padStart(4)} ms  ${queries.toFixed(1)} queries${problems ? `  ${problems} FAILED` : ""}`,
        );
      }
    } finally {
      clearInterval(sampler);
    }
    return { pages, data, peakRss: peak, loadSeconds };
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await database.drop().catch((error: Error) => log(`could not drop the database: ${error.message}`));
  }
}

function previousResult(): { file: string; results: Results } | null {
  // The newest result committed to git: a file only on this disk is not a baseline anyone agreed on.
  let tracked: string[] = [];
  try {
    tracked = sh("git", ["ls-files", "bench/results"])
      .split("\n")
      .filter((f) => f.endsWith(".json"));
  } catch {
    return null;
  }
  const newest = tracked.sort().at(-1);
  if (!newest) return null;
  return { file: newest, results: JSON.parse(readFileSync(path.join(ROOT, newest), "utf8")) as Results };
}

/** Loads one scale and leaves the server running until Ctrl-C, for a person to explore and profile. */
async function serve(scale: Scale) {
  const database = await createTestDatabase(`bench${scale}x`, log);
  await loadScale(database, scale);
  const server = await startServer(database.url);
  log(`${scale}x on ${baseUrl} (database ${database.url}); cookie ${COOKIE}; Ctrl-C stops it`);
  const stop = async () => {
    server.kill("SIGTERM");
    await database.drop().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

async function main() {
  if (args.serve) {
    if (!args["no-build"]) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    return serve(Number(args.serve) as Scale);
  }
  if (!args["no-build"]) {
    log("building for production (npm run build)");
    execFileSync("npm", ["run", "build"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  } else if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    throw new Error("--no-build, but there is no production build: run npm run build first");
  }
  const started = new Date();
  const runs: Results["scales"] = {};
  for (const scale of scales) runs[String(scale)] = await measureScale(scale);

  let commit = "unknown";
  let dirty = false;
  try {
    commit = sh("git", ["rev-parse", "--short=12", "HEAD"]);
    dirty = sh("git", ["status", "--porcelain", "--untracked-files=no"]).length > 0;
  } catch {
    // Not a git checkout.
  }
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const pgVersion = await (async () => {
    const database = await createTestDatabase("benchversion", () => undefined);
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const version = (await client.query("SHOW server_version")).rows[0].server_version as string;
    await client.end();
    await database.drop();
    return `${database.kind === "embedded" ? "embedded, " : ""}PostgreSQL ${version}`;
  })();
  const results: Results = {
    startedAt: started.toISOString(),
    commit: dirty ? `${commit} (with uncommitted changes)` : commit,
    label: args.label ?? null,
    settings: { connections: CONNECTIONS, seconds, signedInAs: BENCH_PERSON, heapMB: HEAP_MB },
    machine: {
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown"}`,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
    },
    versions: {
      node: process.version,
      next: pkg.dependencies.next!,
      react: pkg.dependencies.react!,
      prisma: pkg.dependencies.prisma!,
      database: pgVersion,
    },
    scales: runs,
    computation: measureForecast().map((t) => ({ ...t, budgetMs: FORECAST_BUDGET_MS })),
  };
  const previous = previousResult();
  const regressions = previous ? compare(results, previous.results) : [];
  if (args.only) {
    // A partial run is for working on a page: printed, never kept as a result to compare with.
    console.log(`\n${markdown(results, null)}`);
    return;
  }
  mkdirSync(RESULTS, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const base = path.join(RESULTS, `${stamp}-${commit}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  const table = markdown(results, previous ? { file: previous.file, regressions } : null);
  writeFileSync(`${base}.md`, table);
  console.log(`\n${table}`);
  log(
    `results: ${path.relative(ROOT, base)}.json and .md${previous ? `; compared with ${previous.file}` : "; no committed result to compare with yet"}`,
  );
  const failed = Object.values(runs).some((r) => r.pages.some((p) => p.errors + p.non2xx + p.refused > 0));
  if (failed) {
    log("some requests failed: see the table");
    process.exitCode = 1;
  }
}

main().catch((error: Error) => {
  console.error(`[bench] ${error.stack ?? error.message}`);
  process.exit(1);
});
