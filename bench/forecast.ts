// npx tsx bench/forecast.ts [--draws 4000] [--runs 200]: how long the accrual forecast takes, in the
// process, for what the pages compute: a realistic proposal's forecast from its pledges (illustrative
// figures: 8 organizations, 30 sites, target 200, sites opening over two years; time to target and the
// monthly band included) and a running trial's monitor: the trial page's (three organizations reporting
// monthly for two years, band included) and the pooled one (GOG-0277's plan with two years of reports).
// `npm run bench` puts the same figures in its results file; the budget is 20 ms.
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { forecast, priorFromPledge, type Centre } from "../lib/forecast/model";
import { linearReports, monitorAt } from "../lib/forecast/monitor";
import { monitorTrial } from "../lib/forecast/trial-monitor";

export const FORECAST_BUDGET_MS = 20;

export interface ComputeTiming {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

const pledges = [24, 20, 16, 12, 10, 8, 6, 4]; // patients a year
const sites = [6, 5, 4, 4, 3, 3, 3, 2];
const centres: Centre[] = pledges.map((perYear, i) => ({
  label: `organization ${i + 1}`,
  rate: priorFromPledge(perYear),
  opens: Array.from({ length: sites[i]! }, (_, s) => 3 + i + 2 * s),
}));

function time(name: string, runs: number, run: (seed: number) => unknown): ComputeTiming {
  for (let i = 0; i < 20; i++) run(i); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { name, runs, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(times.at(-1)!) };
}

/** Times the proposal forecast and the trial monitor, each `runs` times after a warm-up. */
export function measureForecast(options: { draws?: number; runs?: number } = {}): ComputeTiming[] {
  const draws = options.draws ?? 4000;
  const runs = options.runs ?? 200;
  const reports = linearReports(
    [
      { month: 0, total: 0 },
      { month: 24, total: 19 },
    ],
    24,
  );
  return [
    time(`proposal forecast (8 organizations, 30 sites, target 200, band, ${draws} draws)`, runs, (seed) =>
      forecast({ target: 200, centres, plannedEndMonths: 60, draws, seed }),
    ),
    time("trial page monitor (3 organizations, 24 monthly reports each, target 216, band)", runs, (seed) =>
      monitorTrial({
        target: 216,
        plannedEndMonths: 48,
        participants: ["a", "b", "c"].map((id, i) => ({ organizationId: id, label: id, patientsPerYear: [30, 15, 9][i]! })),
        reports: ["a", "b", "c"].flatMap((id, i) =>
          Array.from({ length: 24 }, (_, m) => ({ organizationId: id, month: m + 1, total: Math.round(((m + 1) * [10, 5, 4][i]!) / 12) })),
        ),
        seed,
      }),
    ),
    time(`pooled trial monitor (target 216, 24 monthly reports, ${draws} draws)`, runs, (seed) =>
      monitorAt({ target: 216, plannedEndMonths: 48, pledgedPatientsPerYear: 54, reports, draws, seed }, 24),
    ),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values: args } = parseArgs({ options: { draws: { type: "string", default: "4000" }, runs: { type: "string", default: "200" } } });
  for (const t of measureForecast({ draws: Number(args.draws), runs: Number(args.runs) })) {
    console.log(
      `${t.name}: median ${t.medianMs} ms, p95 ${t.p95Ms} ms, max ${t.maxMs} ms over ${t.runs} runs (budget ${FORECAST_BUDGET_MS} ms)`,
    );
  }
}
