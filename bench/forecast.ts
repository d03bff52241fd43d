// npx tsx bench/forecast.ts [--draws 4000] [--runs 200]: how long the accrual forecast takes for a realistic
// proposal (illustrative figures: 8 organizations, 30 sites, target 200, sites opening over two years),
// time to target and the monthly band included. Prints the median and 95th percentile over repeated runs.
import { parseArgs } from "node:util";
import { forecast, priorFromPledge, type Centre } from "../lib/forecast/model";

const { values: args } = parseArgs({ options: { draws: { type: "string", default: "4000" }, runs: { type: "string", default: "200" } } });
const draws = Number(args.draws);
const runs = Number(args.runs);

const pledges = [24, 20, 16, 12, 10, 8, 6, 4]; // patients a year
const sites = [6, 5, 4, 4, 3, 3, 3, 2];
const centres: Centre[] = pledges.map((perYear, i) => ({
  label: `organization ${i + 1}`,
  rate: priorFromPledge(perYear),
  opens: Array.from({ length: sites[i]! }, (_, s) => 3 + i + 2 * s),
}));
const input = { target: 200, centres, plannedEndMonths: 60, draws };

for (let i = 0; i < 20; i++) forecast({ ...input, seed: i }); // warm up the JIT
const times: number[] = [];
let result = forecast(input);
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  result = forecast({ ...input, seed: i });
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const round = (x: number) => Math.round(x * 10) / 10;

console.log(`forecast: 8 organizations, 30 sites, target 200, ${draws} draws, ${runs} runs, band of ${result.band.length} months`);
console.log(`  median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`);
console.log(
  `  time to target: median ${round(result.medianMonths)} months (80%: ${round(result.interval80.low)}–${round(result.interval80.high)}); ` +
    `P(by month 60) = ${result.probabilityByPlannedEnd!.toFixed(3)}`,
);
