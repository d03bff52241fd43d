// The cost on the browser side (issue 19): how much JavaScript each route makes a first visit
// download, against a budget, and how quickly the main pages show their largest content (LCP) and
// answer a person's input (INP) in Chromium on a throttled network and processor.
//
// First load: every script file a route's first visit loads until the network is idle, counted
// once per URL and gzipped here (zlib level 9), so the figure does not depend on how the server or
// Next.js report sizes. The data React Server Components inline in the HTML is left out: it is the
// page's content, not code. Prefetches for the links in view are let through: in Next.js 16 they
// fetch data and no script (measured); should they ever load code, it is counted. Pages a person
// cannot open (403) or that send elsewhere are left out and named in the log; so are
// /invitations/[token] and /unsubscribe (they need a one-time token) and /dev/mailbox (development
// only). Routes are measured at full speed: the sizes do not depend on the network.
//
// Vitals: web-vitals' own onLCP and onINP, injected before any of the page's scripts, on a cold
// cache each run; the interaction is made only once React has hydrated its target, so INP measures
// the page as a person finds it once it looks ready.
//
//   npx tsx bench/browser.ts http://localhost:3400     against a running bench server (--serve)
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { BENCH_SESSION, BENCH_VOTE_PROPOSAL } from "./generate";

export interface BrowserResults {
  profile: string;
  routes: { route: string; path: string; firstLoadKB: number; files: number; budgetKB: number }[];
  vitals: {
    name: string;
    path: string;
    runs: number;
    lcpMs: number;
    lcpSpreadMs: [number, number];
    inpMs: number | null;
    inpSpreadMs: [number, number] | null;
    interaction: string;
  }[];
}

/** Gzipped JavaScript a route's first visit may download. */
export const BUDGET_KB = 200;
/** Google's thresholds for a good page: https://web.dev/articles/vitals */
export const GOOD = { lcpMs: 2500, inpMs: 200 } as const;
export const POOR = { lcpMs: 4000, inpMs: 500 } as const;

/** A fast mobile network and a mid-range phone's processor, on a desktop-sized window. */
export const THROTTLE = { downMbps: 9, upMbps: 1.5, latencyMs: 150, cpuSlowdown: 4 } as const;
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);
const GZIP_LEVEL = 9;
export const PROFILE =
  `Chromium (headless, 1280×720), network ${THROTTLE.downMbps} Mbps down, ${THROTTLE.upMbps} Mbps up, ${THROTTLE.latencyMs} ms added latency ` +
  `(CDP Network.emulateNetworkConditions), processor ${THROTTLE.cpuSlowdown}× slower (Emulation.setCPUThrottlingRate), ` +
  `cold cache (a fresh context per run); first-load JavaScript gzipped at level ${GZIP_LEVEL}, unthrottled`;

// ---------------------------------------------------------------------------------------------
// Pure parts: sizes, medians, the Markdown.

/** Bytes of one body once gzipped as a server would send it at its best. */
export function gzipBytes(body: Buffer | string): number {
  return gzipSync(body, { level: GZIP_LEVEL }).length;
}

/** Gzipped KB (1,024 bytes) and file count of the scripts a first load fetched, each URL once. */
export function firstLoadSize(scripts: { url: string; body: Buffer }[]): { firstLoadKB: number; files: number } {
  const byUrl = new Map<string, Buffer>();
  for (const s of scripts) if (!byUrl.has(s.url)) byUrl.set(s.url, s.body);
  let bytes = 0;
  for (const body of byUrl.values()) bytes += gzipBytes(body);
  return { firstLoadKB: Math.round((bytes / 1024) * 10) / 10, files: byUrl.size };
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median and [min, max] of the runs that gave a value; null when none did. */
export function summarise(values: (number | null)[]): { median: number; spread: [number, number] } | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return null;
  return { median: Math.round(median(present)), spread: [Math.round(Math.min(...present)), Math.round(Math.max(...present))] };
}

const mark = (ok: boolean) => (ok ? "✓" : "✗");
const ms = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : "–");
const rating = (value: number, good: number, poor: number) =>
  !Number.isFinite(value) ? "–" : value <= good ? "good" : value <= poor ? "needs improvement" : "poor";

export function browserMarkdown(r: BrowserResults): string {
  const lines: string[] = ["## In the browser", "", `Profile: ${r.profile}.`, ""];
  const budget = r.routes[0]?.budgetKB ?? BUDGET_KB;
  const over = r.routes.filter((x) => x.firstLoadKB > x.budgetKB);
  lines.push(
    `### First-load JavaScript per route`,
    "",
    `Every script file the route's first visit loads until the network is idle, each URL once, gzipped; KB of 1,024 bytes. ` +
      `Budget ${budget} KB: ${over.length === 0 ? "every route is within it" : `${over.length} route${over.length === 1 ? " is" : "s are"} over it`}.`,
    "",
    "| route | path | KB (gzip) | files | within budget |",
    "| --- | --- | ---: | ---: | :-: |",
  );
  for (const x of r.routes) {
    lines.push(
      `| ${x.route} | ${x.path} | ${x.firstLoadKB.toFixed(1)} | ${x.files} | ${mark(x.firstLoadKB <= x.budgetKB)} ${x.budgetKB} KB |`,
    );
  }
  lines.push(
    "",
    "### Largest Contentful Paint and Interaction to Next Paint",
    "",
    `Median of the runs [min–max], each in a fresh context. Good: LCP ≤ ${GOOD.lcpMs / 1000} s (poor above ${POOR.lcpMs / 1000} s), ` +
      `INP ≤ ${GOOD.inpMs} ms (poor above ${POOR.inpMs} ms). INP is "–" where the page has no interaction measured.`,
    "",
    "| page | path | runs | LCP ms | LCP good | INP ms | INP good | interaction |",
    "| --- | --- | ---: | ---: | :-: | ---: | :-: | --- |",
  );
  for (const v of r.vitals) {
    const lcp = Number.isFinite(v.lcpMs) ? `${ms(v.lcpMs)} [${ms(v.lcpSpreadMs[0])}–${ms(v.lcpSpreadMs[1])}]` : "–";
    const inp = v.inpMs === null || !v.inpSpreadMs ? "–" : `${ms(v.inpMs)} [${ms(v.inpSpreadMs[0])}–${ms(v.inpSpreadMs[1])}]`;
    lines.push(
      `| ${v.name} | ${v.path} | ${v.runs} | ${lcp} | ${Number.isFinite(v.lcpMs) ? `${mark(v.lcpMs <= GOOD.lcpMs)} ${rating(v.lcpMs, GOOD.lcpMs, POOR.lcpMs)}` : "–"} | ` +
        `${inp} | ${v.inpMs === null ? "–" : `${mark(v.inpMs <= GOOD.inpMs)} ${rating(v.inpMs, GOOD.inpMs, POOR.inpMs)}`} | ${v.interaction} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// The routes: every page in app/ the benchmark's data and person can reach.

interface RouteSpec {
  /** The route as app/ names it. */
  route: string;
  /** The address to open, or where to find one: the first link on `from` whose path matches. */
  path: string | { from: string; link: RegExp };
  signedIn: boolean;
}

/** A seeded trial with an accrual history to chart (ops/seed/trials.ts). */
const TRIAL = "irci-eortc-1206";
/** A seeded trial NCI leads, so the benchmark person keeps its record: its keeper's pages are open. */
const KEPT_TRIAL = "irci-gog-0277";
/** One of the drafts bench/generate.ts makes for the benchmark person. */
const DRAFT = "bench-draft-1";
/** An expert group and an organization of the seed the benchmark person belongs to. */
const GROUP = "uterine-sarcoma";
const ORGANIZATION = "nci";

const ROUTES: RouteSpec[] = [
  { route: "/", path: "/", signedIn: false },
  { route: "/signin", path: "/signin", signedIn: false },
  { route: "/signin/check-email", path: "/signin/check-email", signedIn: false },
  { route: "/signin/request-sent", path: "/signin/request-sent", signedIn: false },
  { route: "/signin/error", path: "/signin/error", signedIn: false },
  { route: "/demo", path: "/demo", signedIn: false },
  { route: "/trials", path: "/trials", signedIn: false },
  { route: "/help", path: "/help", signedIn: true },
  { route: "/dashboard", path: "/dashboard", signedIn: true },
  { route: "/proposals", path: "/proposals", signedIn: true },
  { route: "/proposals/new", path: "/proposals/new", signedIn: true },
  { route: "/proposals/[id]", path: `/proposals/${BENCH_VOTE_PROPOSAL}`, signedIn: true },
  { route: "/proposals/[id]/edit", path: `/proposals/${DRAFT}/edit`, signedIn: true },
  { route: "/proposals/[id]/revisions", path: `/proposals/${BENCH_VOTE_PROPOSAL}/revisions`, signedIn: true },
  { route: "/proposals/[id]/print", path: `/proposals/${BENCH_VOTE_PROPOSAL}/print`, signedIn: true },
  { route: "/proposals/[id]/trial", path: `/proposals/${TRIAL}/trial`, signedIn: true },
  { route: "/proposals/[id]/trial/import", path: `/proposals/${KEPT_TRIAL}/trial/import`, signedIn: true },
  // The seed names no site of a trial NCI keeps: the site page is left out unless the data has one.
  {
    route: "/proposals/[id]/trial/sites/[siteId]",
    path: { from: `/proposals/${KEPT_TRIAL}/trial`, link: /^\/proposals\/[^/]+\/trial\/sites\/[^/?#]+$/ },
    signedIn: true,
  },
  {
    route: "/proposals/[id]/trial/accrual/[accrualId]",
    path: { from: `/proposals/${KEPT_TRIAL}/trial`, link: /^\/proposals\/[^/]+\/trial\/accrual\/[^/?#]+$/ },
    signedIn: true,
  },
  {
    route: "/proposals/[id]/trial/startup/[country]/[step]",
    path: { from: `/proposals/${KEPT_TRIAL}/trial`, link: /^\/proposals\/[^/]+\/trial\/startup\/[^/]+\/[^/?#]+$/ },
    signedIn: true,
  },
  { route: "/pipeline", path: "/pipeline", signedIn: true },
  { route: "/portfolio", path: "/portfolio", signedIn: true },
  { route: "/groups", path: "/groups", signedIn: true },
  { route: "/groups/new", path: "/groups/new", signedIn: true },
  { route: "/groups/[slug]", path: `/groups/${GROUP}`, signedIn: true },
  { route: "/groups/[slug]/meeting", path: `/groups/${GROUP}/meeting`, signedIn: true },
  { route: "/decisions", path: "/decisions", signedIn: true },
  { route: "/decisions/minutes", path: "/decisions/minutes", signedIn: true },
  { route: "/decisions/[id]", path: { from: "/decisions", link: /^\/decisions\/(?!minutes$|csv$)[^/?#]+$/ }, signedIn: true },
  { route: "/organizations", path: "/organizations", signedIn: true },
  { route: "/organizations/[slug]", path: `/organizations/${ORGANIZATION}`, signedIn: true },
  { route: "/organizations/[slug]/people", path: `/organizations/${ORGANIZATION}/people`, signedIn: true },
  { route: "/organizations/[slug]/sign-in", path: `/organizations/${ORGANIZATION}/sign-in`, signedIn: true },
  { route: "/notifications", path: "/notifications", signedIn: true },
  { route: "/notifications/settings", path: "/notifications/settings", signedIn: true },
  { route: "/account", path: "/account", signedIn: true },
  { route: "/admin/audit", path: "/admin/audit", signedIn: true },
  { route: "/admin/people", path: "/admin/people", signedIn: true },
  { route: "/admin/settings", path: "/admin/settings", signedIn: true },
];

// ---------------------------------------------------------------------------------------------
// The main pages and what a person does on each.

interface VitalsSpec {
  name: string;
  path: string;
  signedIn: boolean;
  interaction: string;
  /** The element acted on; INP is measured once React has hydrated it. */
  target?: (page: Page) => Locator;
  act?: (target: Locator) => Promise<void>;
}

/** Typing as a person does, a key at a time: each key is an interaction of its own. */
const type = (text: string) => async (target: Locator) => {
  await target.click();
  await target.press("End");
  await target.pressSequentially(text, { delay: 120 });
};

const VITALS: VitalsSpec[] = [
  {
    name: "sign-in",
    path: "/signin",
    signedIn: false,
    interaction: "typing an email address into the sign-in field",
    target: (page) => page.locator("#email"),
    act: type("someone@example.org"),
  },
  {
    name: "dashboard",
    path: "/dashboard",
    signedIn: true,
    interaction: "opening the account menu in the header",
    target: (page) => page.locator('button[aria-controls="user-menu"]'),
    act: (target) => target.click(),
  },
  {
    name: "proposals list",
    path: "/proposals",
    signedIn: true,
    interaction: "typing “immunotherapy” into the search box",
    target: (page) => page.locator("#q"),
    act: type("immunotherapy"),
  },
  {
    name: "proposal page",
    path: `/proposals/${BENCH_VOTE_PROPOSAL}`,
    signedIn: true,
    interaction: "opening the reply form under the first comment",
    target: (page) => page.getByRole("button", { name: /^Reply to / }).first(),
    act: (target) => target.click(),
  },
  {
    name: "proposal editor",
    path: `/proposals/${DRAFT}/edit`,
    signedIn: true,
    interaction: "typing at the end of the title",
    target: (page) => page.locator('input[name="title"]'),
    act: type(" (revised)"),
  },
  {
    name: "portfolio dashboard",
    path: "/portfolio",
    signedIn: true,
    interaction: "opening the first chart's table",
    target: (page) => page.locator("summary").first(),
    act: (target) => target.click(),
  },
  {
    name: "trial page",
    path: `/proposals/${TRIAL}/trial`,
    signedIn: true,
    interaction: "none: the page is read, its controls lead elsewhere",
  },
  {
    name: "public portfolio (/trials)",
    path: "/trials",
    signedIn: false,
    interaction: "typing “sarcoma” into the search box",
    target: (page) => page.locator('input[name="q"]'),
    act: type("sarcoma"),
  },
];

// ---------------------------------------------------------------------------------------------
// The browser.

type Cookie = { name: string; value: string };

async function newContext(browser: Browser, baseUrl: string, cookie: Cookie | null): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl });
  if (cookie) await context.addCookies([{ name: cookie.name, value: cookie.value, url: baseUrl }]);
  return context;
}

/** A page is reachable when it answers 2xx at the address asked for (not a redirect to sign in, not 403). */
function reachable(requested: string, status: number | undefined, finalUrl: string): string | null {
  if (status === undefined) return "no response";
  if (status >= 400) return `answered ${status}`;
  const final = new URL(finalUrl);
  const asked = new URL(requested, final);
  if (final.pathname !== asked.pathname) return `redirects to ${final.pathname}`;
  return null;
}

async function resolvePath(browser: Browser, baseUrl: string, cookie: Cookie, spec: RouteSpec): Promise<string | null> {
  if (typeof spec.path === "string") return spec.path;
  const { from, link } = spec.path;
  const context = await newContext(browser, baseUrl, spec.signedIn ? cookie : null);
  try {
    const page = await context.newPage();
    await page.goto(from);
    const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href") ?? ""));
    return hrefs.map((h) => new URL(h, baseUrl).pathname).find((p) => link.test(p)) ?? null;
  } finally {
    await context.close();
  }
}

/** The scripts one route's first visit loads, until the network is idle. */
async function firstLoad(
  browser: Browser,
  baseUrl: string,
  cookie: Cookie | null,
  address: string,
): Promise<{ scripts: { url: string; body: Buffer }[]; problem: string | null }> {
  const context = await newContext(browser, baseUrl, cookie);
  try {
    const page = await context.newPage();
    const bodies: Promise<{ url: string; body: Buffer } | null>[] = [];
    page.on("response", (response) => {
      const request = response.request();
      const contentType = response.headers()["content-type"] ?? "";
      if (request.resourceType() !== "script" && !contentType.includes("javascript")) return;
      if (response.status() >= 300) return;
      bodies.push(
        response
          .body()
          .then((body) => ({ url: response.url(), body }))
          .catch(() => null),
      );
    });
    const response = await page.goto(address, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    const problem = reachable(address, response?.status(), page.url());
    const scripts = (await Promise.all(bodies)).filter((s): s is { url: string; body: Buffer } => s !== null);
    return { scripts, problem };
  } finally {
    await context.close();
  }
}

/** Waits until React has hydrated the element, so the interaction reaches its handlers. */
async function hydrated(target: Locator, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  await target.waitFor({ state: "visible", timeout: timeoutMs });
  while (Date.now() < until) {
    if (await target.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber$")))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the page did not hydrate in time");
}

declare global {
  interface Window {
    __benchVitals?: { lcp: number | null; inp: number | null };
  }
}

/** The web-vitals script, then the callbacks that keep the latest value of each measure. */
function vitalsScript(root: string): string {
  const library = readFileSync(path.join(root, "node_modules/web-vitals/dist/web-vitals.iife.js"), "utf8");
  return `${library}
window.__benchVitals = { lcp: null, inp: null };
webVitals.onLCP((m) => { window.__benchVitals.lcp = m.value; }, { reportAllChanges: true });
// 16 ms, the smallest the Event Timing API allows: every interaction counts, not only those over 40 ms.
webVitals.onINP((m) => { window.__benchVitals.inp = m.value; }, { reportAllChanges: true, durationThreshold: 16 });`;
}

async function vitalsRun(
  browser: Browser,
  baseUrl: string,
  cookie: Cookie | null,
  spec: VitalsSpec,
  script: string,
): Promise<{ lcp: number | null; inp: number | null }> {
  const context = await newContext(browser, baseUrl, cookie);
  try {
    await context.addInitScript({ content: script });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: THROTTLE.latencyMs,
      downloadThroughput: (THROTTLE.downMbps * 1_000_000) / 8,
      uploadThroughput: (THROTTLE.upMbps * 1_000_000) / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE.cpuSlowdown });
    page.setDefaultTimeout(60_000);
    await page.goto(spec.path, { waitUntil: "load", timeout: 120_000 });
    await page.waitForLoadState("networkidle", { timeout: 120_000 });
    if (spec.target && spec.act) {
      const target = spec.target(page);
      await hydrated(target);
      // The first trusted key or click also ends LCP: the browser reports no candidate after it,
      // and web-vitals finalises the value it has.
      await spec.act(target);
    }
    // Let the last frames paint and their event timings arrive.
    await page.waitForTimeout(1000);
    return await page.evaluate(() => {
      // What a person does last, leaving the tab: web-vitals reports what it holds when the page
      // is hidden. Headless Chromium never hides a page, so the change is announced as tests of
      // web-vitals do.
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
      return window.__benchVitals ?? { lcp: null, inp: null };
    });
  } finally {
    await context.close();
  }
}

const log = (line: string) => console.log(`[bench] ${line}`);

export async function measureBrowser(root: string, baseUrl: string, cookie: { name: string; value: string }): Promise<BrowserResults> {
  const { chromium } = await import("@playwright/test");
  const { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } = await import("../scripts/lib/browser");
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const results: BrowserResults = { profile: PROFILE, routes: [], vitals: [] };
  const files = new Map<string, Map<string, Buffer>>();
  try {
    for (const spec of ROUTES) {
      try {
        const address = await resolvePath(browser, baseUrl, cookie, spec);
        if (!address) {
          log(`browser: ${spec.route}: no link to it in the data, left out`);
          continue;
        }
        const { scripts, problem } = await firstLoad(browser, baseUrl, spec.signedIn ? cookie : null, address);
        if (problem) {
          log(`browser: ${spec.route} (${address}) ${problem}, left out`);
          continue;
        }
        const size = firstLoadSize(scripts);
        results.routes.push({ route: spec.route, path: address, ...size, budgetKB: BUDGET_KB });
        log(`browser: ${spec.route.padEnd(48)} ${size.firstLoadKB.toFixed(1).padStart(6)} KB gzip in ${size.files} files`);
        files.set(spec.route, new Map(scripts.map((s) => [new URL(s.url).pathname, s.body])));
      } catch (error) {
        log(`browser: ${spec.route} failed: ${(error as Error).message.split("\n")[0]}`);
      }
    }

    // Over the budget: the files only some routes load, the heaviest first, to say where to look.
    const shared = [...files.values()].reduce<Set<string> | null>(
      (common, route) => (common ? new Set([...common].filter((f) => route.has(f))) : new Set(route.keys())),
      null,
    );
    for (const route of results.routes.filter((r) => r.firstLoadKB > r.budgetKB)) {
      const own = [...(files.get(route.route) ?? new Map<string, Buffer>()).entries()]
        .filter(([file]) => !shared?.has(file))
        .map(([file, body]) => ({ file: file.split("/").at(-1), kb: gzipBytes(body) / 1024 }))
        .sort((a, b) => b.kb - a.kb);
      log(
        `browser: ${route.route} is over ${BUDGET_KB} KB; beyond what every route loads: ${own.map((f) => `${f.file} ${f.kb.toFixed(1)} KB`).join(", ")}`,
      );
    }

    const script = vitalsScript(root);
    for (const spec of VITALS) {
      const runs: { lcp: number | null; inp: number | null }[] = [];
      for (let i = 0; i < RUNS; i++) {
        try {
          runs.push(await vitalsRun(browser, baseUrl, spec.signedIn ? cookie : null, spec, script));
        } catch (error) {
          log(`browser: ${spec.name} run ${i + 1} failed: ${(error as Error).message.split("\n")[0]}`);
        }
      }
      const lcp = summarise(runs.map((r) => r.lcp));
      const inp = spec.act ? summarise(runs.map((r) => r.inp)) : null;
      results.vitals.push({
        name: spec.name,
        path: spec.path,
        runs: runs.length,
        lcpMs: lcp?.median ?? NaN,
        lcpSpreadMs: lcp?.spread ?? [NaN, NaN],
        inpMs: inp?.median ?? null,
        inpSpreadMs: inp?.spread ?? null,
        interaction: spec.interaction,
      });
      log(
        `browser: ${spec.name.padEnd(28)} LCP ${ms(lcp?.median ?? NaN).padStart(5)} ms  INP ${inp ? ms(inp.median).padStart(4) : "   –"} ms  (${runs.length} runs)`,
      );
    }
  } finally {
    await browser.close();
  }
  return results;
}

// Run directly: measure a server that is already up (npm run bench -- --serve 100 --no-build).
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const baseUrl = process.argv[2] ?? "http://localhost:3400";
  const root = path.resolve(import.meta.dirname, "..");
  measureBrowser(root, baseUrl, { name: "next-auth.session-token", value: BENCH_SESSION })
    .then((results) => console.log(`\n${browserMarkdown(results)}`))
    .catch((error: Error) => {
      console.error(`[bench] ${error.stack ?? error.message}`);
      process.exit(1);
    });
}
