// The benchmark's results: their shape, the targets, the Markdown table and the comparison with
// the previous committed result. Pure, so it is tested without a server.

/** What the load generator measured of one page. */
export interface LoadFigures {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Writes the server answered but did not make (a refused save, say). */
  refused: number;
}

export interface PageResult extends LoadFigures {
  name: string;
  kind: "baseline" | "page" | "write";
  path: string;
  queries: number;
  peakRssMB: number;
}

export interface ScaleResult {
  pages: PageResult[];
  data: Record<string, number>;
  /** Highest resident memory of the server (all its processes) during the run, in bytes. */
  peakRss: number;
  loadSeconds: number;
}

export interface Results {
  startedAt: string;
  commit: string;
  label: string | null;
  settings: { connections: number; seconds: number; signedInAs: string; heapMB?: number };
  machine: { cpus: string; memoryGB: number; os: string };
  versions: Record<string, string>;
  scales: Record<string, ScaleResult>;
  /** In-process computations a page makes, timed in the same run (bench/forecast.ts). */
  computation?: { name: string; runs: number; medianMs: number; p95Ms: number; maxMs: number; budgetMs: number }[];
}

export const TARGETS = { ratioToDynamic: 0.8, p99Ms: 150, growth: 1.2, queries: 8, serverMB: 400 } as const;

export const STATIC = "static (robots.txt)";
export const DYNAMIC = "dynamic, no data (/help)";

/** A page's name without what varies with the data (the middle page's number). */
const key = (name: string) => name.replace(/ \(\d+\)$/, "");

export function baselines(scale: ScaleResult) {
  const find = (name: string) => scale.pages.find((p) => p.name === name)?.rps ?? NaN;
  return { static: find(STATIC), dynamic: find(DYNAMIC) };
}

/** p50 at the largest scale over p50 at the smallest, per page. */
export function growth(results: Results): Map<string, number> {
  const names = Object.keys(results.scales).sort((a, b) => Number(a) - Number(b));
  const out = new Map<string, number>();
  if (names.length < 2) return out;
  const small = results.scales[names[0]!]!;
  const large = results.scales[names.at(-1)!]!;
  for (const page of large.pages) {
    const before = small.pages.find((p) => key(p.name) === key(page.name));
    // Latencies are whole milliseconds: below 1 ms a ratio says nothing, so count 1 ms.
    if (before) out.set(key(page.name), Math.max(page.p50, 1) / Math.max(before.p50, 1));
  }
  return out;
}

export interface Regression {
  scale: string;
  page: string;
  before: number;
  now: number;
}

/** Pages whose requests per second, as a share of the dynamic baseline, fell by more than 10%. */
export function compare(now: Results, before: Results, tolerance = 0.1): Regression[] {
  const found: Regression[] = [];
  for (const [scale, run] of Object.entries(now.scales)) {
    const old = before.scales[scale];
    if (!old) continue;
    const [b, o] = [baselines(run).dynamic, baselines(old).dynamic];
    for (const page of run.pages) {
      if (page.name === DYNAMIC) continue;
      const was = old.pages.find((p) => key(p.name) === key(page.name));
      if (!was) continue;
      const ratioNow = page.rps / b;
      const ratioBefore = was.rps / o;
      if (ratioNow < ratioBefore * (1 - tolerance)) found.push({ scale, page: key(page.name), before: ratioBefore, now: ratioNow });
    }
  }
  return found;
}

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const mark = (ok: boolean) => (ok ? "✓" : "✗");

export function markdown(results: Results, comparison: { file: string; regressions: Regression[] } | null): string {
  const lines: string[] = [];
  lines.push(`# Benchmark ${results.startedAt.slice(0, 16).replace("T", " ")} UTC, commit ${results.commit}`, "");
  lines.push(
    `${results.settings.connections} connections, ${results.settings.seconds} s per page, signed in as ${results.settings.signedInAs} where a page needs it` +
      `${results.settings.heapMB ? `, server heap limit ${results.settings.heapMB} MB` : ""}. ` +
      `Machine: ${results.machine.cpus}, ${results.machine.memoryGB} GB, ${results.machine.os}. ` +
      `Versions: Node ${results.versions.node}, Next.js ${results.versions.next}, React ${results.versions.react}, Prisma ${results.versions.prisma}, ${results.versions.database}.`,
    "",
  );
  const grow = growth(results);
  const largest = Object.keys(results.scales)
    .sort((a, b) => Number(a) - Number(b))
    .at(-1);
  for (const [scale, run] of Object.entries(results.scales)) {
    const base = baselines(run);
    lines.push(`## ${scale}x`, "");
    lines.push(
      `Data: ${Object.entries(run.data)
        .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
        .join(", ")} (loaded in ${run.loadSeconds.toFixed(0)} s).`,
      "",
    );
    lines.push(`Server peak memory: ${(run.peakRss / 2 ** 20).toFixed(0)} MB.`, "");
    const withGrowth = scale === largest && grow.size > 0;
    lines.push(
      `| page | req/s | p50 ms | p99 ms | × static | × dynamic | SQL/req | peak MB |${withGrowth ? " growth |" : ""} failed |`,
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${withGrowth ? " ---: |" : ""} ---: |`,
    );
    for (const p of run.pages) {
      const g = grow.get(key(p.name));
      lines.push(
        `| ${p.name} | ${p.rps.toFixed(0)} | ${p.p50} | ${p.p99} | ${fixed(p.rps / base.static)} | ${fixed(p.rps / base.dynamic)} | ${fixed(p.queries, 1)} | ${p.peakRssMB.toFixed(0)} |${withGrowth ? ` ${g === undefined ? "–" : fixed(g)} |` : ""} ${p.errors + p.non2xx + p.refused} |`,
      );
    }
    lines.push("");
  }
  if (largest) {
    const run = results.scales[largest]!;
    const base = baselines(run);
    lines.push(`## Targets at ${largest}x`, "");
    lines.push(
      `| page | ≥ ${TARGETS.ratioToDynamic} × dynamic | p99 < ${TARGETS.p99Ms} ms | growth ≤ ${TARGETS.growth} | ≤ ${TARGETS.queries} SQL/req |`,
      "| --- | :-: | :-: | :-: | :-: |",
    );
    for (const p of run.pages.filter((x) => x.kind !== "baseline")) {
      const g = grow.get(key(p.name));
      lines.push(
        `| ${p.name} | ${mark(p.rps / base.dynamic >= TARGETS.ratioToDynamic)} ${fixed(p.rps / base.dynamic)} | ${mark(p.p99 < TARGETS.p99Ms)} ${p.p99} | ${g === undefined ? "–" : `${mark(g <= TARGETS.growth)} ${fixed(g)}`} | ${mark(p.queries <= TARGETS.queries)} ${fixed(p.queries, 1)} |`,
      );
    }
    lines.push(
      "",
      `Server memory: ${mark(run.peakRss / 2 ** 20 < TARGETS.serverMB)} ${(run.peakRss / 2 ** 20).toFixed(0)} MB (target under ${TARGETS.serverMB} MB).`,
      "",
    );
  }
  if (results.computation?.length) {
    lines.push("## Computation in the page", "");
    lines.push(
      "| computation | median ms | p95 ms | max ms | runs | within budget (median) |",
      "| --- | ---: | ---: | ---: | ---: | :-: |",
    );
    for (const c of results.computation) {
      lines.push(
        `| ${c.name} | ${c.medianMs} | ${c.p95Ms} | ${c.maxMs} | ${c.runs} | ${mark(c.medianMs <= c.budgetMs)} ${c.budgetMs} ms |`,
      );
    }
    lines.push("");
  }
  if (comparison) {
    lines.push(`## Compared with ${comparison.file}`, "");
    if (comparison.regressions.length === 0) lines.push("No page is more than 10% worse relative to the dynamic baseline.", "");
    else {
      lines.push("More than 10% worse relative to the dynamic baseline:", "");
      for (const r of comparison.regressions) lines.push(`- **${r.page}** at ${r.scale}x: ${fixed(r.before)} → ${fixed(r.now)} × dynamic`);
      lines.push("");
    }
  }
  return `${lines.join("\n")}\n`;
}
