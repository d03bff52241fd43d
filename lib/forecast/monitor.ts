// Monitoring a running trial from its cumulative accrual reports, and the back-test of what the monitor
// would have said month by month. Pure. Pooled: the trial's total is one Poisson process whose rate (all
// sites open) has a gamma prior from the total pledge; reports without per-organization figures cannot
// say more. With per-organization reports, build one `Centre` per organization with its own `observed`
// and call `forecast` directly instead.
import { DEFAULT_DRAWS, DEFAULT_SEED, exposureMonths, forecast, posterior, priorFromPledge, type Centre, type GammaDist } from "./model";

/**
 * A trial is "at risk" when the probability of reaching its target by its planned end falls below this.
 * 0.2: less than one chance in five of making it. A portal choice: lower thresholds (0.1) flag later
 * and miss trials that could still be rescued by opening sites; higher ones (0.3 and up) flag trials that
 * merely have no margin (a trial recruiting exactly at its planned rate hovers around 0.5). Configurable.
 */
export const AT_RISK_PROBABILITY = 0.2;

/**
 * The monitor flags nothing before this many months of accrual data: the first months are noisy (a slow
 * first month is not evidence of futility) and sites ramp up. Measured in scratch simulations of the
 * pooled monitor at a GOG-0277-sized plan (216 in 48 months, pledge taken at face value, monthly looks over
 * two years): trials recruiting at 1.25× and 1.5× their planned rate were flagged 10% and 8% of the time
 * with no waiting period, 3% and 2% with six months. A portal choice; configurable.
 */
export const MIN_MONTHS_OF_DATA = 6;

/** A cumulative total at `month` months from the start of accrual. */
export interface AccrualReport {
  month: number;
  total: number;
}

export interface MonitorInput {
  target: number;
  /** Months from the start of accrual to its planned end. */
  plannedEndMonths: number;
  /** All organizations' pledges together, patients a year. */
  pledgedPatientsPerYear: number;
  /** Optimism discount and pledge shape (defaults: DEFAULT_OPTIMISM_DISCOUNT, DEFAULT_PLEDGE_SHAPE). */
  discount?: number;
  shape?: number;
  /** Months from the start of accrual at which the sites open (sharing the pooled rate). Default: all at 0. */
  opens?: number | readonly number[];
  /** Cumulative totals; the monitor at month m uses the latest report at or before m. */
  reports: readonly AccrualReport[];
  threshold?: number;
  /** Default MIN_MONTHS_OF_DATA. */
  minMonthsOfData?: number;
  draws?: number;
  seed?: number;
}

export interface MonitorPoint {
  /** When the monitor looks (months from the start of accrual). */
  month: number;
  /** The month of the latest report it has (0 with none: nothing recruited at the start). */
  dataMonth: number;
  recruited: number;
  /** P(target reached by the planned end). */
  probability: number;
  /** The probability is below the threshold, with at least `minMonthsOfData` months of data. */
  atRisk: boolean;
  /** Fewer months of data than `minMonthsOfData`: the monitor does not flag yet. */
  tooEarly: boolean;
  /** Median months from the start of accrual to the target, with its 80% interval. */
  medianMonthsToTarget: number;
  interval80: { low: number; high: number };
  /** Patients by the planned end: 10/50/90% (equal to `recruited` once the planned end has passed). */
  projectedAtPlannedEnd: { p10: number; p50: number; p90: number };
  /** The median projection at the planned end as a share of the target: how far behind, not only whether. */
  projectedShareOfTarget: number;
  /** The pooled rate's posterior mean, patients a year with all sites open. */
  ratePerYear: number;
  rate: GammaDist;
}

export interface Backtest {
  threshold: number;
  prior: GammaDist;
  points: MonitorPoint[];
  /** The first month at which the trial is at risk, or null. */
  firstAtRiskMonth: number | null;
}

function shift(opens: MonitorInput["opens"], by: number): number | number[] {
  if (opens === undefined) return 0;
  return typeof opens === "number" ? Math.max(0, opens - by) : opens.map((d) => Math.max(0, d - by));
}

/** What the monitor says at `month`: re-forecast from the latest report, the pledge updated by the data. */
export function monitorAt(input: MonitorInput, month: number): MonitorPoint {
  const threshold = input.threshold ?? AT_RISK_PROBABILITY;
  const prior = priorFromPledge(input.pledgedPatientsPerYear, { discount: input.discount, shape: input.shape });
  let latest: AccrualReport = { month: 0, total: 0 };
  for (const r of input.reports) if (r.month <= month && r.month >= latest.month) latest = r;
  const rate = posterior(prior, { patients: latest.total, months: exposureMonths(input.opens, latest.month) });
  const centre: Centre = { label: "pooled", rate, opens: shift(input.opens, latest.month) };
  const toPlannedEnd = input.plannedEndMonths - latest.month;
  const f = forecast({
    target: input.target,
    recruited: Math.min(latest.total, input.target),
    centres: [centre],
    plannedEndMonths: Math.max(0, toPlannedEnd),
    horizonMonths: Math.max(0, Math.floor(toPlannedEnd)),
    draws: input.draws ?? DEFAULT_DRAWS,
    seed: input.seed ?? DEFAULT_SEED,
  });
  const end = f.band.at(-1)!;
  const probability = f.probabilityByPlannedEnd!;
  const tooEarly = latest.month < (input.minMonthsOfData ?? MIN_MONTHS_OF_DATA);
  return {
    month,
    dataMonth: latest.month,
    recruited: latest.total,
    probability,
    atRisk: !tooEarly && probability < threshold,
    tooEarly,
    medianMonthsToTarget: latest.month + f.medianMonths,
    interval80: { low: latest.month + f.interval80.low, high: latest.month + f.interval80.high },
    projectedAtPlannedEnd: { p10: end.p10, p50: end.p50, p90: end.p90 },
    projectedShareOfTarget: end.p50 / input.target,
    ratePerYear: (rate.shape / rate.rate) * 12,
    rate,
  };
}

/**
 * The back-test: the monitor's verdict at every month from 0 to `throughMonth` (default: the last report),
 * each from the reports it would have had then. The same seed every month (common random numbers), so the
 * curve moves with the data, not with Monte Carlo noise.
 */
export function backtest(input: MonitorInput & { throughMonth?: number }): Backtest {
  const threshold = input.threshold ?? AT_RISK_PROBABILITY;
  const last = input.throughMonth ?? Math.max(0, ...input.reports.map((r) => r.month));
  const points: MonitorPoint[] = [];
  for (let m = 0; m <= last; m++) points.push(monitorAt(input, m));
  return {
    threshold,
    prior: priorFromPledge(input.pledgedPatientsPerYear, { discount: input.discount, shape: input.shape }),
    points,
    firstAtRiskMonth: points.find((p) => p.atRisk)?.month ?? null,
  };
}

/** Cumulative totals at whole months by linear interpolation between known (month, total) points, rounded down. */
export function linearReports(points: readonly AccrualReport[], throughMonth: number): AccrualReport[] {
  const sorted = [...points].sort((a, b) => a.month - b.month);
  const out: AccrualReport[] = [];
  for (let m = 0; m <= throughMonth; m++) {
    const after = sorted.findIndex((p) => p.month >= m);
    if (after === -1) break;
    const b = sorted[after]!;
    const a = after > 0 ? sorted[after - 1]! : b;
    const total = b.month === a.month ? b.total : a.total + ((b.total - a.total) * (m - a.month)) / (b.month - a.month);
    if (m >= sorted[0]!.month) out.push({ month: m, total: Math.floor(total + 1e-9) });
  }
  return out;
}
