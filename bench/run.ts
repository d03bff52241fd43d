// npm run bench: builds for production, loads each scale's data into a database of its own, starts
// the server on it, warms it up, then measures every page and write in short rounds, each between
// two windows of the dynamic baseline, and writes the results (JSON and Markdown) to bench/results/,
// compared with the previous committed result in ratios only. bench/report.ts says why.
//
//   npm run bench                          every scale generate.ts makes (1, 100, 1000), 5 rounds of 2 s
//   npm run bench -- --scales 1,100 --rounds 3 --no-build --port 3410
//   npm run bench -- --only "proposal page|search"   some pages (the baselines always run), printed only
//   npm run bench -- --no-browser           without the browser-side figures (bench/browser.ts, at 100x)
//   npm run bench -- --serve 100 --no-build    load 100x and keep the server up, to look around
//                                              (signed in with the cookie bench/load.ts names)
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SERVER_BUNDLE } from "../ops/server/paths";
import { createTestDatabase, migrate, type TestDatabase } from "../scripts/lib/test-database";
import type { BrowserResults } from "./browser";
import { FORECAST_BUDGET_MS, measureForecast } from "./forecast";
import { BENCH_PERSON, BENCH_VOTE_PROPOSAL, generate, SCALES, type Scale } from "./generate";
import { castBallot, COOKIE, drive, once, saveDraft, SESSION_COOKIE, type Target } from "./load";
import {
  compare,
  DYNAMIC,
  markdown,
  median,
  noise,
  round,
  spread,
  STATIC,
  summarise,
  type LegacyResults,
  type LoadFigures,
  type Results,
  type Round,
  type ScaleResult,
  type TargetResult,
  type WarmUp,
} from "./report";
import { countShown } from "./shown";

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS = path.join(ROOT, "bench/results");
const CONNECTIONS = 10;
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 288);

const { values: args } = parseArgs({
  options: {
    /** Default: every scale bench/generate.ts makes. */
    scales: { type: "string" },
    /** Length of each measured window, the baseline's and the target's. */
    seconds: { type: "string", default: "2" },
    rounds: { type: "string", default: "5" },
    "no-build": { type: "boolean", default: false },
    "no-browser": { type: "boolean", default: false },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3400" },
    label: { type: "string" },
    serve: { type: "string" },
    /** Only the pages whose name contains one of these, "|"-separated (the baselines always run). */
    only: { type: "string" },
  },
});
const known = Object.keys(SCALES);
const scales = (args.scales ?? known.join(",")).split(",").map((s) => {
  if (!known.includes(s.trim())) throw new Error(`no ${s}x data: bench/generate.ts makes ${known.map((k) => `${k}x`).join(", ")}`);
  return Number(s) as Scale;
});
const seconds = Number(args.seconds);
const rounds = Number(args.rounds);
const port = Number(args.port);
const baseUrl = `http://localhost:${port}`;
const log = (line: string) => console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${line}`);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Warm-up: one-second windows until two in a row agree within this share, at least 3, at most 10. */
const WARM_UP_AGREE = 0.1;
const WARM_UP_MIN = 3;
const WARM_UP_MAX = 10;
/**
 * Between windows, so that the requests cut off at the end of one (autocannon stops waiting for
 * them, the server does not) finish before the next starts instead of slowing it down: at least
 * this long, and at least the window's p99, since each of them started less than that before the end.
 */
const GAP_MS = 300;
const GAP_MAX_MS = 5000;
const gapAfter = (figures: LoadFigures) => pause(Math.min(GAP_MAX_MS, Math.max(GAP_MS, figures.p99)));

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
    await pause(250);
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

/**
 * What each page shows, counted in its HTML (inside <main>, so the navigation is left out): the
 * rows and entries of its lists, found by the markup each page renders them with. Growth compares
 * like with like only when a page shows as many of them at both scales.
 */
const SHOWN = {
  /** Entries of the proposals list: each is a link to the proposal in the list's own style ("New proposal" is a button). */
  proposals: /<a class="font-medium" href="\/proposals\/[^"/?]+"/g,
  /** Everything listed: list items, table rows and comments (open votes, notifications, groups; the interest matrix, timeline, comments; the portfolio's tables). */
  items: /<(?:li|tr|article)[\s>]/g,
  /** The public portfolio's trial cards (each is one list item holding one article: counted once). */
  trials: /<article aria-label=/g,
} as const;

async function targets(databaseUrl: string): Promise<{ baseline: Target; pages: Target[]; writes: Target[] }> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const total = Number((await client.query(`SELECT count(*) FROM "Proposal"`)).rows[0].count);
  const voteId = (await client.query(`SELECT id FROM "Vote" WHERE "proposalId" = $1`, [BENCH_VOTE_PROPOSAL])).rows[0].id as string;
  await client.end();
  const middle = Math.max(1, Math.ceil(total / 20 / 2));
  const wanted = (t: Target) => t.kind === "baseline" || !args.only || args.only.split("|").some((term) => t.name.includes(term));
  const pages = (
    [
      { name: STATIC, kind: "baseline", path: "/robots.txt", signedIn: false },
      { name: "dashboard", kind: "page", path: "/dashboard", signedIn: true, shown: SHOWN.items },
      { name: "proposals: first page", kind: "page", path: "/proposals", signedIn: true, shown: SHOWN.proposals },
      {
        name: `proposals: middle page (${middle})`,
        kind: "page",
        path: `/proposals?page=${middle}`,
        signedIn: true,
        shown: SHOWN.proposals,
      },
      { name: "proposals: filtered", kind: "page", path: "/proposals?status=IN_REVIEW&lead=nci", signedIn: true, shown: SHOWN.proposals },
      { name: "proposals: search", kind: "page", path: "/proposals?q=immunotherapy", signedIn: true, shown: SHOWN.proposals },
      { name: "proposal page", kind: "page", path: `/proposals/${BENCH_VOTE_PROPOSAL}`, signedIn: true, shown: SHOWN.items },
      { name: "portfolio dashboard", kind: "page", path: "/portfolio", signedIn: true, shown: SHOWN.items },
      { name: "public portfolio (/trials)", kind: "page", path: "/trials", signedIn: false, shown: SHOWN.trials },
    ] satisfies Target[]
  ).filter(wanted);
  const writes = (
    [
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
    ] satisfies Target[]
  ).filter(wanted);
  return { baseline: { name: DYNAMIC, kind: "baseline", path: "/help", signedIn: true }, pages, writes };
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
  // The large scales take minutes, in statements that say nothing until they end: a sign of life.
  const started = Date.now();
  const alive = setInterval(() => log(`${scale}x: still generating (${((Date.now() - started) / 1000).toFixed(0)} s)`), 30_000);
  try {
    return await generate(database.url, scale, log);
  } finally {
    clearInterval(alive);
  }
}

/** The server's memory, sampled while it works: the highest over the run, and over the current window. */
class MemorySampler {
  peak = 0;
  window = 0;
  private timer: NodeJS.Timeout;
  constructor(pid: number) {
    this.timer = setInterval(() => {
      const rss = treeRss(pid);
      this.peak = Math.max(this.peak, rss);
      this.window = Math.max(this.window, rss);
    }, 100);
  }
  stop() {
    clearInterval(this.timer);
  }
}

interface Window {
  figures: LoadFigures;
  peakRss: number;
}

const failures = (f: LoadFigures) => f.errors + f.non2xx + f.refused;

/**
 * Drives each target until its throughput settles: the first requests of a route load its code,
 * compile it and fill the connection pool and PostgreSQL's buffers, and without this whichever page
 * came first absorbed it (the previous runs' 1x baseline had a p99 of 1.8 s).
 */
async function warmUp(scale: Scale, list: Target[]): Promise<WarmUp[]> {
  const out: WarmUp[] = [];
  for (const target of list) await once(baseUrl, target);
  for (const target of list) {
    const windows: number[] = [];
    let settled = false;
    while (windows.length < WARM_UP_MAX && !settled) {
      const figures = await drive(baseUrl, target, 1, CONNECTIONS);
      windows.push(Math.round(figures.rps));
      await gapAfter(figures);
      const [a, b] = windows.slice(-2) as [number, number];
      // Two empty windows agree too, but say only that a request takes longer than a window.
      settled = windows.length >= WARM_UP_MIN && a > 0 && b > 0 && Math.abs(a - b) <= WARM_UP_AGREE * Math.max(a, b);
    }
    log(`${scale}x warm-up ${target.name}: ${windows.join(", ")} req/s${settled ? "" : " (did not settle)"}`);
    out.push({ name: target.name, windows, settled });
  }
  return out;
}

/**
 * Waits until the server has stopped sending SQL (the count unchanged for half a second, at most
 * 15 s): requests cut off at the end of the last window are still being answered, and their
 * statements would be counted against the next target's.
 */
async function quiet() {
  let last = (await stats()).queries;
  for (let i = 0; i < 30; i++) {
    await pause(500);
    const now = (await stats()).queries;
    if (now === last) return;
    last = now;
  }
  log("the server did not stop sending SQL within 15 s: the next count may be too high");
}

/** SQL statements per request, one request at a time with the server otherwise idle; and what it shows. */
async function countQueries(target: Target): Promise<{ queries: number; shown: number | null }> {
  await quiet();
  const samples = 5;
  const before = await stats();
  let body = "";
  for (let i = 0; i < samples; i++) body = await once(baseUrl, target);
  const after = await stats();
  return { queries: (after.queries - before.queries) / samples, shown: target.shown ? countShown(body, target.shown) : null };
}

/**
 * The rounds: B T1 B T2 B … Tn B, every target between two baseline windows, the order of the
 * targets reversed every other round (so no target always follows the same neighbour), the last
 * baseline window of a round being the first of the next. A target's rounds are thus spread over the
 * whole measurement rather than taken back to back, and its spread shows what the machine did in
 * that time.
 */
async function measureRounds(
  scale: Scale,
  baseline: Target,
  list: Target[],
  sampler: MemorySampler,
): Promise<{ baselineWindows: LoadFigures[]; byTarget: Map<string, Window[]>; rounds: Map<string, Round[]> }> {
  const window = async (target: Target): Promise<Window> => {
    sampler.window = 0;
    const figures = await drive(baseUrl, target, seconds, CONNECTIONS);
    const peakRss = sampler.window;
    await gapAfter(figures);
    return { figures, peakRss };
  };
  const baselineWindows: LoadFigures[] = [];
  const byTarget = new Map<string, Window[]>(list.map((t) => [t.name, []]));
  const roundsOf = new Map<string, Round[]>(list.map((t) => [t.name, []]));
  let before = (await window(baseline)).figures;
  baselineWindows.push(before);
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...list].reverse() : list;
    const said: string[] = [];
    for (const target of order) {
      const w = await window(target);
      const after = (await window(baseline)).figures;
      baselineWindows.push(after);
      const figures = round(w.figures, before, after);
      byTarget.get(target.name)!.push(w);
      roundsOf.get(target.name)!.push(figures);
      said.push(`${target.name} ${figures.ratio.toFixed(2)}${failures(w.figures) ? ` (${failures(w.figures)} FAILED)` : ""}`);
      before = after;
    }
    log(`${scale}x round ${r + 1}/${rounds} (× dynamic): ${said.join("; ")}`);
  }
  return { baselineWindows, byTarget, rounds: roundsOf };
}

async function measureScale(scale: Scale): Promise<{ result: ScaleResult; browser?: BrowserResults }> {
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
    const sampler = new MemorySampler(server.pid!);
    const measuringStarted = Date.now();
    try {
      const { baseline, pages, writes } = await targets(database.url);
      const warm: WarmUp[] = [];
      const baselineWindows: LoadFigures[] = [];
      const results: TargetResult[] = [];
      // Pages first, then writes, each phase warmed up on its own: a write changes what later
      // requests read (revisions, audit events, ballots), so the pages are measured on the data as
      // generated, the same at every run.
      for (const phase of [pages, writes]) {
        if (phase.length === 0) continue;
        warm.push(...(await warmUp(scale, [baseline, ...phase])));
        const counted = new Map<string, { queries: number; shown: number | null }>();
        for (const target of phase) counted.set(target.name, await countQueries(target));
        const measured = await measureRounds(scale, baseline, phase, sampler);
        baselineWindows.push(...measured.baselineWindows);
        for (const target of phase) {
          const windows = measured.byTarget.get(target.name)!;
          const r = measured.rounds.get(target.name)!;
          const result: TargetResult = {
            name: target.name,
            kind: target.kind,
            path: target.path,
            rounds: r,
            ...summarise(r),
            ...counted.get(target.name)!,
            peakRssMB: Math.max(...windows.map((w) => w.peakRss)) / 2 ** 20,
            failed: windows.reduce((n, w) => n + failures(w.figures), 0),
          };
          results.push(result);
          log(
            `${scale}x ${target.name.padEnd(34)} × dynamic ${result.ratio.median.toFixed(2)} (${result.ratio.min.toFixed(2)}–${result.ratio.max.toFixed(2)})  ` +
              `p50 ${result.p50} ms  p99 ${result.p99} ms (× ${result.p99Ratio.median.toFixed(2)})  ${result.queries.toFixed(1)} queries  ` +
              `${result.shown ?? "–"} shown${result.failed ? `  ${result.failed} FAILED` : ""}`,
          );
        }
      }
      const baselineQueries = await countQueries(baseline);
      const rps = baselineWindows.map((w) => w.rps);
      const result: ScaleResult = {
        baseline: {
          name: baseline.name,
          path: baseline.path,
          windows: baselineWindows,
          rps: spread(rps),
          p50: median(baselineWindows.map((w) => w.p50)),
          p99: median(baselineWindows.map((w) => w.p99)),
          queries: baselineQueries.queries,
          failed: baselineWindows.reduce((n, w) => n + failures(w), 0),
          noise: noise(rps),
        },
        targets: results,
        warmUp: warm,
        data,
        peakRss: sampler.peak,
        loadSeconds,
      };
      log(
        `${scale}x measured in ${((Date.now() - measuringStarted) / 1000).toFixed(0)} s; machine noise (baseline's spread over ${rps.length} windows): ${(result.baseline.noise * 100).toFixed(0)}%`,
      );

      // What a browser sees, once per run, on the 100x server once the load is over.
      let browser: BrowserResults | undefined;
      if (scale === 100 && !args["no-browser"] && !args.only) {
        log(`${scale}x: browser-side figures (bench/browser.ts)`);
        try {
          const { measureBrowser } = await import("./browser");
          browser = await measureBrowser(ROOT, baseUrl, SESSION_COOKIE);
        } catch (error) {
          // The load figures are worth keeping without the browser's: say so, and fail the run at the end.
          log(`the browser-side measure failed: ${(error as Error).stack ?? String(error)}`);
          process.exitCode = 1;
        }
      }
      return { result, browser };
    } finally {
      sampler.stop();
    }
  } finally {
    server?.kill("SIGTERM");
    await pause(500);
    await database.drop().catch((error: Error) => log(`could not drop the database: ${error.message}`));
  }
}

function previousResult(): { file: string; results: Results | LegacyResults } | null {
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
  return { file: newest, results: JSON.parse(readFileSync(path.join(ROOT, newest), "utf8")) as Results | LegacyResults };
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
  let browser: BrowserResults | undefined;
  for (const scale of scales) {
    const measured = await measureScale(scale);
    runs[String(scale)] = measured.result;
    browser ??= measured.browser;
  }
  if (scales.includes(100) && !browser && !args["no-browser"] && !args.only) log("no browser-side figures: bench/browser.ts gave none");

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
  const computation = measureForecast().map((t) => ({ ...t, budgetMs: FORECAST_BUDGET_MS }));
  const results: Results = {
    format: 2,
    startedAt: started.toISOString(),
    durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
    commit: dirty ? `${commit} (with uncommitted changes)` : commit,
    label: args.label ?? null,
    settings: { connections: CONNECTIONS, seconds, rounds, signedInAs: BENCH_PERSON, heapMB: HEAP_MB },
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
    computation,
    ...(browser ? { browser } : {}),
  };
  const previous = previousResult();
  const comparison = previous ? { file: previous.file, entries: compare(results, previous.results) } : null;
  // The browser's figures have a table of their own, from the module that measured them.
  const browserTable = browser ? `\n${(await import("./browser")).browserMarkdown(browser)}` : "";
  log(`the run took ${(results.durationSeconds / 60).toFixed(1)} min`);
  if (args.only) {
    // A partial run is for working on a page: printed, never kept as a result to compare with.
    console.log(`\n${markdown(results, comparison)}`);
    return;
  }
  mkdirSync(RESULTS, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const base = path.join(RESULTS, `${stamp}-${commit}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  const table = markdown(results, comparison) + browserTable;
  writeFileSync(`${base}.md`, table);
  console.log(`\n${table}`);
  log(
    `results: ${path.relative(ROOT, base)}.json and .md${previous ? `; compared with ${previous.file}` : "; no committed result to compare with yet"}`,
  );
  const failed = Object.values(runs).some((r) => r.baseline.failed > 0 || r.targets.some((t) => t.failed > 0));
  if (failed) {
    log("some requests failed: see the table");
    process.exitCode = 1;
  }
}

main().catch((error: Error) => {
  console.error(`[bench] ${error.stack ?? error.message}`);
  process.exit(1);
});
