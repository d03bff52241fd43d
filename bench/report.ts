// The benchmark's results: their shape, the statistics over its rounds, the targets, the Markdown
// and the comparison with the previous committed result. Pure, so it is tested without a server.
//
// Why ratios: the machine is shared (2 cores, the server, PostgreSQL and the load generator, and
// whatever else runs), so an absolute req/s says as much about the neighbours as about the page.
// Every page is measured in short rounds, each between two windows of the dynamic baseline (/help,
// a signed-in page that reads nothing but the session), and what is reported is the median of the
// rounds' ratios, with their smallest and largest: a result whose spread is wider than the effect it
// claims is marked "noisy" rather than believed.
import type { BrowserResults } from "./browser";

/** What the load generator measured in one window. */
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

/** A median with the smallest and largest of the values it is the median of (the spread is max - min). */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** One round of a target: its window and the dynamic baseline's windows either side of it. */
export interface Round {
  rps: number;
  p50: number;
  p99: number;
  /** The mean of the two adjacent baseline windows. */
  baselineRps: number;
  baselineP99: number;
  /** rps / baselineRps: the share of the baseline's throughput this page keeps. */
  ratio: number;
  /** p99 / baselineP99. */
  p99Ratio: number;
}

export type Kind = "baseline" | "page" | "write";

export interface TargetResult {
  name: string;
  kind: Kind;
  path: string;
  rounds: Round[];
  ratio: Spread;
  p99Ratio: Spread;
  /** Medians over the rounds. */
  rps: number;
  p50: number;
  p99: number;
  /** SQL statements per request, counted in the server one request at a time. */
  queries: number;
  /** How many items the page shows (rows, list entries); null where nothing is counted (writes). */
  shown: number | null;
  peakRssMB: number;
  /** Errors, timeouts, non-2xx answers and refused writes, over every round. */
  failed: number;
}

export interface BaselineResult {
  name: string;
  path: string;
  windows: LoadFigures[];
  rps: Spread;
  p50: number;
  p99: number;
  queries: number;
  failed: number;
  /** The machine's noise: (max - min) / median of the baseline's req/s over all its windows. */
  noise: number;
}

export interface WarmUp {
  name: string;
  /** req/s of each one-second window, until two in a row agreed. */
  windows: number[];
  settled: boolean;
}

export interface ScaleResult {
  baseline: BaselineResult;
  /** Everything measured against the baseline: the static baseline, the pages, the writes. */
  targets: TargetResult[];
  warmUp: WarmUp[];
  data: Record<string, number>;
  /** Highest resident memory of the server (all its processes) during the run, in bytes. */
  peakRss: number;
  loadSeconds: number;
}

export interface Results {
  format: 2;
  startedAt: string;
  /** Wall-clock time of the whole run, data generation included. */
  durationSeconds: number;
  commit: string;
  label: string | null;
  settings: { connections: number; seconds: number; rounds: number; signedInAs: string; heapMB: number };
  machine: { cpus: string; memoryGB: number; os: string };
  versions: Record<string, string>;
  scales: Record<string, ScaleResult>;
  /** In-process computations a page makes, timed in the same run (bench/forecast.ts). */
  computation?: { name: string; runs: number; medianMs: number; p95Ms: number; maxMs: number; budgetMs: number }[];
  /** What a browser sees of the 100x server (bench/browser.ts). */
  browser?: BrowserResults;
}

/** The results files committed before rounds existed: one long window per page, no spread. */
export interface LegacyResults {
  startedAt: string;
  commit: string;
  scales: Record<string, { pages: { name: string; kind: Kind; rps: number; p50: number; p99: number; queries: number }[] }>;
}

export const TARGETS = { ratioToDynamic: 0.8, p99ToDynamic: 2, growth: 1.2, queries: 8, serverMB: 400 } as const;

/** Machine noise above this is said in so many words above a scale's table. */
export const BUSY = 0.25;

export const STATIC = "static (robots.txt)";
export const DYNAMIC = "dynamic, no data (/help)";

/** A page's name without what varies with the data (the middle page's number). */
export const key = (name: string) => name.replace(/ \(\d+\)$/, "");

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function spread(values: number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * The machine's noise: how far apart the baseline's own windows are, (max - min) / median. The
 * baseline does the same work every time, so whatever varies between its windows is the machine.
 */
export function noise(rps: number[]): number {
  const s = spread(rps);
  return (s.max - s.min) / s.median;
}

/**
 * A round's figures. The baseline is the mean of the windows just before and just after the
 * target's, so a machine that slows down (or speeds up) steadily during the round cancels out.
 */
export function round(target: LoadFigures, before: LoadFigures, after: LoadFigures): Round {
  const baselineRps = (before.rps + after.rps) / 2;
  const baselineP99 = (before.p99 + after.p99) / 2;
  return {
    rps: target.rps,
    p50: target.p50,
    p99: target.p99,
    baselineRps,
    baselineP99,
    ratio: target.rps / baselineRps,
    // Latencies are whole milliseconds: below 1 ms a ratio says nothing, so count 1 ms.
    p99Ratio: Math.max(target.p99, 1) / Math.max(baselineP99, 1),
  };
}

/** A target's rounds summarised: medians, and the ratios' spreads. */
export function summarise(rounds: Round[]): Pick<TargetResult, "ratio" | "p99Ratio" | "rps" | "p50" | "p99"> {
  return {
    ratio: spread(rounds.map((r) => r.ratio)),
    p99Ratio: spread(rounds.map((r) => r.p99Ratio)),
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
  };
}

/**
 * Whether a verdict against `threshold` is noise. The effect a result claims is its distance to the
 * threshold it is judged by (a page at 0.78 × the baseline claims to miss 0.8 by 0.02), not its
 * distance to 1: the table says "met" or "not met", and that is what the rounds must agree on. When
 * the rounds' spread (max - min) is wider than that distance, another run could well say the
 * opposite, so the result is marked noisy.
 */
export function noisy(s: Spread, threshold: number): boolean {
  return s.max - s.min > Math.abs(s.median - threshold);
}

/** Each scale's ratios to the dynamic baseline, by page; results from before rounds have no spread. */
export function ratiosOf(results: Results | LegacyResults): Map<string, Map<string, Spread>> {
  const out = new Map<string, Map<string, Spread>>();
  const scales: Record<string, ScaleResult | LegacyResults["scales"][string]> = results.scales;
  for (const [scale, run] of Object.entries(scales)) {
    const pages = new Map<string, Spread>();
    if ("targets" in run) {
      for (const t of run.targets) pages.set(key(t.name), t.ratio);
    } else {
      // One window per page, each at its own moment: the ratio is the page's req/s over the
      // dynamic baseline's, as those runs reported it.
      const dynamic = run.pages.find((p) => p.name === DYNAMIC)?.rps ?? NaN;
      for (const p of run.pages) {
        if (p.name === DYNAMIC) continue;
        const r = p.rps / dynamic;
        pages.set(key(p.name), { median: r, min: r, max: r });
      }
    }
    out.set(scale, pages);
  }
  return out;
}

export interface Growth {
  from: string;
  to: string;
  page: string;
  /**
   * The page's cost relative to the baseline at the larger scale over the same at the smaller:
   * (ratio at the smaller scale) / (ratio at the larger). Absolute p50s come from moments minutes
   * apart on a shared machine; the ratios each come with their own baseline.
   */
  normalised: Spread;
  /** p50 at the larger scale over p50 at the smaller, for reference. */
  p50: number;
  shown: [number | null, number | null];
  /** Only when the page shows as many items at both scales is its growth the cost of the data alone. */
  comparable: boolean;
}

/** The pairs of scales growth is reported for: each with the next, and the smallest with the largest. */
export function scalePairs(scales: string[]): [string, string][] {
  const sorted = [...scales].sort((a, b) => Number(a) - Number(b));
  const pairs: [string, string][] = [];
  for (let i = 1; i < sorted.length; i++) pairs.push([sorted[i - 1]!, sorted[i]!]);
  if (sorted.length > 2) pairs.push([sorted[0]!, sorted.at(-1)!]);
  return pairs;
}

export function growthBetween(results: Results, from: string, to: string): Growth[] {
  const small = results.scales[from];
  const large = results.scales[to];
  if (!small || !large) return [];
  const out: Growth[] = [];
  for (const t of large.targets) {
    const s = small.targets.find((x) => key(x.name) === key(t.name));
    if (!s) continue;
    out.push({
      from,
      to,
      page: key(t.name),
      normalised: {
        median: s.ratio.median / t.ratio.median,
        // The widest the rounds allow: the best small-scale round over the worst large-scale one, and so on.
        min: s.ratio.min / t.ratio.max,
        max: s.ratio.max / t.ratio.min,
      },
      p50: Math.max(t.p50, 1) / Math.max(s.p50, 1),
      shown: [s.shown, t.shown],
      comparable: s.shown === t.shown,
    });
  }
  return out;
}

export interface Comparison {
  scale: string;
  page: string;
  before: Spread;
  now: Spread;
  verdict: "worse" | "better" | "within noise";
}

/**
 * Every page's ratio now and in the previous committed result. "Worse" (or "better") needs two
 * things: a median more than `tolerance` (10%) away, and no overlap between the two runs' ranges of
 * rounds, so that no round of one run is as good as the worst of the other. A change inside the
 * combined spread is the machine, not the code. A result from before rounds is a single window
 * whose spread nobody measured: it is given this run's spread, relative to the median, as if that
 * machine had been as noisy as this one.
 */
export function compare(now: Results, before: Results | LegacyResults, tolerance = 0.1): Comparison[] {
  const [current, previous] = [ratiosOf(now), ratiosOf(before)];
  const out: Comparison[] = [];
  for (const [scale, pages] of current) {
    const old = previous.get(scale);
    if (!old) continue;
    for (const [page, n] of pages) {
      const measured = old.get(page);
      if (!measured) continue;
      const b =
        measured.min === measured.max && n.median > 0
          ? { median: measured.median, min: (measured.median * n.min) / n.median, max: (measured.median * n.max) / n.median }
          : measured;
      const verdict =
        n.median < b.median * (1 - tolerance) && n.max < b.min
          ? "worse"
          : n.median > b.median * (1 + tolerance) && n.min > b.max
            ? "better"
            : "within noise";
      out.push({ scale, page, before: b, now: n, verdict });
    }
  }
  return out;
}

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : n === Infinity ? "∞" : "–");
const mark = (ok: boolean) => (ok ? "✓" : "✗");
const range = (s: Spread, digits = 2) => `${fixed(s.median, digits)} (${fixed(s.min, digits)}–${fixed(s.max, digits)})`;
const percent = (x: number) => `${Number.isFinite(x) ? (x * 100).toFixed(0) : "–"}%`;

/** A verdict against a threshold: met or not by the median, and "noisy" when the rounds disagree. */
function verdict(s: Spread, threshold: number, met: boolean): string {
  return `${mark(met)} ${range(s)}${noisy(s, threshold) ? " noisy" : ""}`;
}

function growthCell(g: Growth | undefined, judge: boolean): string {
  if (!g) return "–";
  const shown = g.comparable ? "" : ` not comparable (${g.shown[0] ?? "–"} → ${g.shown[1] ?? "–"} shown)`;
  const ok = g.normalised.median <= TARGETS.growth;
  const flag = g.comparable && noisy(g.normalised, TARGETS.growth) ? " noisy" : "";
  return `${judge && g.comparable ? `${mark(ok)} ` : ""}${range(g.normalised)}${shown}${flag}`;
}

export function markdown(results: Results, comparison: { file: string; entries: Comparison[] } | null): string {
  const lines: string[] = [];
  const s = results.settings;
  lines.push(`# Benchmark ${results.startedAt.slice(0, 16).replace("T", " ")} UTC, commit ${results.commit}`, "");
  lines.push(
    `${s.connections} connections; each page in ${s.rounds} rounds of ${s.seconds} s, every round between two ${s.seconds} s windows of the dynamic baseline ` +
      `(the order reversed every other round), after a warm-up; signed in as ${s.signedInAs} where a page needs it; server heap limit ${s.heapMB} MB. ` +
      `The whole run took ${(results.durationSeconds / 60).toFixed(1)} min. ` +
      `Machine: ${results.machine.cpus}, ${results.machine.memoryGB} GB, ${results.machine.os}. ` +
      `Versions: Node ${results.versions.node}, Next.js ${results.versions.next}, React ${results.versions.react}, Prisma ${results.versions.prisma}, ${results.versions.database}.`,
    "",
    "Figures are medians over the rounds; a ratio is written `median (min–max)` over the rounds. " +
      "A ratio is the page's req/s over the dynamic baseline's in the windows either side of it; p99 × dynamic is the same for p99 latency. " +
      "`noisy`: the rounds' spread (max − min) is wider than the distance between the median and the target it is judged by, so another run could give the opposite verdict.",
    "",
  );
  const scales = Object.keys(results.scales).sort((a, b) => Number(a) - Number(b));
  for (const scale of scales) {
    const run = results.scales[scale]!;
    const b = run.baseline;
    lines.push(`## ${scale}x`, "");
    lines.push(
      `Data: ${Object.entries(run.data)
        .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
        .join(", ")} (loaded in ${run.loadSeconds.toFixed(0)} s).`,
      "",
    );
    const unsettled = run.warmUp.filter((w) => !w.settled).map((w) => w.name);
    if (b.noise > BUSY)
      lines.push(
        `**A busy machine**: the baseline's own windows vary by ${percent(b.noise)} of their median (over ${percent(BUSY)}). ` +
          "Each ratio still compares windows taken seconds apart, but expect wide spreads and `noisy` verdicts at this scale.",
        "",
      );
    lines.push(
      `Machine noise: the dynamic baseline made ${range(b.rps, 0)} req/s over its ${b.windows.length} windows, a spread of ${percent(b.noise)} of its median. ` +
        `Warm-up: ${run.warmUp.reduce((n, w) => n + w.windows.length, 0)} one-second windows` +
        `${unsettled.length ? `; did not settle within 10% for ${unsettled.join(", ")}` : ", every target settled within 10%"}. ` +
        `Server peak memory: ${(run.peakRss / 2 ** 20).toFixed(0)} MB.`,
      "",
    );
    lines.push(
      "| page | × dynamic | req/s | p50 ms | p99 ms | p99 × dynamic | SQL/req | shown | peak MB | failed |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    lines.push(`| ${b.name} | 1 | ${range(b.rps, 0)} | ${b.p50} | ${b.p99} | 1 | ${fixed(b.queries, 1)} | – | – | ${b.failed} |`);
    for (const t of run.targets) {
      lines.push(
        `| ${t.name} | ${range(t.ratio)} | ${t.rps.toFixed(0)} | ${t.p50} | ${t.p99} | ${range(t.p99Ratio)} | ${fixed(t.queries, 1)} | ${t.shown ?? "–"} | ${t.peakRssMB.toFixed(0)} | ${t.failed} |`,
      );
    }
    lines.push("");
  }

  const pairs = scalePairs(scales);
  if (pairs.length) {
    const byPair = pairs.map(([from, to]) => growthBetween(results, from, to));
    lines.push("## Growth", "");
    lines.push(
      "The page's cost relative to the dynamic baseline at the larger scale over the same at the smaller: (× dynamic at the smaller) / (× dynamic at the larger), " +
        "`median (min–max)` where the range takes the rounds' extremes. Normalised, because absolute latencies come from moments minutes apart on a shared machine. " +
        "A page that shows a different number of items at the two scales is `not comparable`: its growth is printed but it measures more work, not more data. " +
        `p50 growth (the larger scale's p50 over the smaller's) follows in brackets. Target: at most ${TARGETS.growth} where comparable.`,
      "",
    );
    lines.push(`| page | ${pairs.map(([f, t]) => `${f}x → ${t}x`).join(" | ")} |`, `| --- |${pairs.map(() => " --- |").join("")}`);
    const pages = [...new Set(byPair.flatMap((gs) => gs.map((g) => g.page)))];
    for (const page of pages) {
      const cells = byPair.map((gs) => {
        const g = gs.find((x) => x.page === page);
        return g ? `${growthCell(g, true)} [p50 ${fixed(g.p50)}]` : "–";
      });
      lines.push(`| ${page} | ${cells.join(" | ")} |`);
    }
    lines.push("");
  }

  // The targets apply at 100x (and are reported at every larger scale): growth from the smallest scale.
  for (const scale of scales.slice(1)) {
    const run = results.scales[scale]!;
    const grow = growthBetween(results, scales[0]!, scale);
    lines.push(`## Targets at ${scale}x`, "");
    lines.push(
      `| page | ≥ ${TARGETS.ratioToDynamic} × dynamic | p99 ≤ ${TARGETS.p99ToDynamic} × dynamic p99 | ≤ ${TARGETS.queries} SQL/req | growth ${scales[0]}x → ${scale}x ≤ ${TARGETS.growth} |`,
      "| --- | :-: | :-: | :-: | :-: |",
    );
    for (const t of run.targets.filter((x) => x.kind !== "baseline")) {
      lines.push(
        `| ${t.name} | ${verdict(t.ratio, TARGETS.ratioToDynamic, t.ratio.median >= TARGETS.ratioToDynamic)} | ` +
          `${verdict(t.p99Ratio, TARGETS.p99ToDynamic, t.p99Ratio.median <= TARGETS.p99ToDynamic)} | ` +
          `${mark(t.queries <= TARGETS.queries)} ${fixed(t.queries, 1)} | ${growthCell(
            grow.find((g) => g.page === key(t.name)),
            true,
          )} |`,
      );
    }
    lines.push(
      "",
      `Server memory: ${mark(run.peakRss / 2 ** 20 < TARGETS.serverMB)} ${(run.peakRss / 2 ** 20).toFixed(0)} MB (target under ${TARGETS.serverMB} MB). ` +
        `Machine noise at this scale: ${percent(run.baseline.noise)}.`,
      "",
    );
  }

  const flagged = scales.flatMap((scale) =>
    [results.scales[scale]!.baseline, ...results.scales[scale]!.targets]
      .filter((t) => t.failed > 0)
      .map((t) => `${t.name} at ${scale}x: ${t.failed} requests failed`),
  );
  if (flagged.length) lines.push("## Failures", "", ...flagged.map((f) => `- ${f}`), "");

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
    lines.push(
      "Ratios to the dynamic baseline only (absolute figures from another day on a shared machine compare nothing). " +
        "`worse` or `better`: the median moved by more than 10% and the two runs' ranges of rounds do not overlap; anything else is within noise. " +
        "A result from before rounds is a single window with no spread of its own: it is given this run's, relative to the median.",
      "",
    );
    const moved = comparison.entries.filter((e) => e.verdict !== "within noise");
    lines.push(
      moved.length
        ? `${moved.length} moved beyond the noise: ${moved.map((e) => `**${e.page}** at ${e.scale}x ${e.verdict}`).join(", ")}.`
        : "Nothing moved beyond the noise.",
      "",
    );
    lines.push("| scale | page | before | now | verdict |", "| --- | --- | ---: | ---: | --- |");
    for (const e of comparison.entries) lines.push(`| ${e.scale}x | ${e.page} | ${range(e.before)} | ${range(e.now)} | ${e.verdict} |`);
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}
