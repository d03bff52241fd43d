// Monitoring a running trial from its accrual reports: the re-forecast, its band and the at-risk verdict.
// Pure. Time is in months from the start of accrual.
//
// Two ways to read the reports:
//   - by organization, when organizations report their own cumulative accrual: one `Centre` per reporting
//     organization, its gamma prior from its pledge (discounted) updated by its own count over its exposure
//     (`posterior` inside `forecast`); the model then knows which organization is behind;
//   - pooled (`monitor.ts`'s model), when the reports are overall totals only: one rate shared by all sites.
// Used by organization when the newest organization report is at least as recent as the newest overall one
// (an overall total reported later than every organization's count says more about where the trial is).
//
// Assumptions, on top of the model's (model.ts): every organization recruits from the start of accrual (the
// portal does not know when each one's sites opened); an organization whose latest report is older than the
// newest one is counted at its latest figure (its patients since are not known, so the re-forecast is
// slightly pessimistic); organizations that never reported are not in the re-forecast (the page lists them).
// Without any pledge, the prior is the plan itself (target over the planned accrual period) at face value,
// shared equally between the reporting organizations: the trial is judged against its own plan.
import { DEFAULT_OPTIMISM_DISCOUNT, DEFAULT_SEED, forecast, posterior, priorFromPledge, type Centre, type GammaDist } from "./model";
import { AT_RISK_PROBABILITY, MIN_MONTHS_OF_DATA } from "./monitor";

export { AT_RISK_PROBABILITY, MIN_MONTHS_OF_DATA };

/** The band goes on this many months after the planned end (or after the latest report, if later). */
export const BAND_BEYOND_PLANNED_END = 12;
/** Draws for the monitor's verdict: the probability to about ±1% near the threshold, and fast (a page shows several trials). */
export const MONITOR_DRAWS = 2000;
/**
 * Of these, the draws behind the band: its 10/50/90% lines to about ±2.5% in probability, plenty for a chart,
 * and a band costs a Poisson draw a month each (a trial years from its planned end has a long band).
 */
export const MONITOR_BAND_DRAWS = 500;

export interface TrialReport {
  /** Null: an overall total. */
  organizationId: string | null;
  /** Months from the start of accrual. */
  month: number;
  /** Cumulative patients. */
  total: number;
}

export interface TrialParticipant {
  organizationId: string;
  label: string;
  /** Pledged patients a year (PartnerInterest.expectedPatientsPerYear), or null. */
  patientsPerYear: number | null;
}

export interface TrialMonitorInput {
  target: number;
  /** Months from the start of accrual to its planned end. */
  plannedEndMonths: number;
  reports: readonly TrialReport[];
  /** The organizations leading or taking part (their pledges and names). */
  participants: readonly TrialParticipant[];
  /** Below this probability of reaching the target by the planned end, the trial is at risk. Default AT_RISK_PROBABILITY. */
  threshold?: number;
  minMonthsOfData?: number;
  /** The optimism discount on pledges (not on the plan). Default DEFAULT_OPTIMISM_DISCOUNT. */
  discount?: number;
  draws?: number;
  seed?: number;
  /** Skip the band (the back-test only needs the verdict). Default true. */
  band?: boolean;
}

export interface OrganizationMonitor {
  organizationId: string;
  label: string;
  /** Its latest cumulative count and when (months from the start). */
  reported: number;
  month: number;
  /** The posterior mean of its rate, patients a year. */
  ratePerYear: number;
  /** Its expected count by the planned end (its latest figure once the planned end has passed). */
  expectedByPlannedEnd: number;
  /** Where its prior came from. */
  prior: "pledge" | "plan";
}

export interface TrialMonitor {
  mode: "organizations" | "pooled";
  /** Where the prior came from: recorded pledges (discounted) or the plan itself. */
  prior: "pledges" | "plan";
  /** The month of the newest report used: the re-forecast is as of then. */
  asOfMonth: number;
  recruited: number;
  target: number;
  plannedEndMonths: number;
  /** P(target reached by the planned end). */
  probability: number;
  threshold: number;
  atRisk: boolean;
  /** Fewer months of data than the minimum: no verdict yet. */
  tooEarly: boolean;
  minMonthsOfData: number;
  /** Months from the start of accrual to the target: median and 80% interval (Infinity: not at these rates). */
  medianMonthsToTarget: number;
  interval80: { low: number; high: number };
  /** Patients by the planned end, 10/50/90%. */
  projectedAtPlannedEnd: { p10: number; p50: number; p90: number };
  /** Patients a year, all reporting organizations together (posterior mean). */
  ratePerYear: number;
  /** From the newest report to BAND_BEYOND_PLANNED_END months past the planned end, months from the start. */
  band: { month: number; p10: number; p50: number; p90: number }[];
  /** The observed cumulative total at each report month (by organization: the sum of each one's latest). */
  observed: { month: number; total: number }[];
  /** By organization only; empty when pooled. */
  organizations: OrganizationMonitor[];
  /** Participants with no report of their own (by organization only): not in the re-forecast. */
  notReported: string[];
}

function latestBy<T extends TrialReport>(reports: readonly T[], key: (r: T) => string): Map<string, T> {
  const latest = new Map<string, T>();
  for (const r of reports) {
    const seen = latest.get(key(r));
    if (!seen || r.month >= seen.month) latest.set(key(r), r);
  }
  return latest;
}

/** The cumulative total over time: at each report month, the sum of each scope's latest figure so far. */
function observedTotals(reports: readonly TrialReport[]): { month: number; total: number }[] {
  const sorted = [...reports].sort((a, b) => a.month - b.month);
  const current = new Map<string, number>();
  const out: { month: number; total: number }[] = [];
  for (const r of sorted) {
    current.set(r.organizationId ?? "", r.total);
    let total = 0;
    for (const v of current.values()) total += v;
    if (out.at(-1)?.month === r.month) out.at(-1)!.total = total;
    else out.push({ month: r.month, total });
  }
  return out;
}

/** The re-forecast of a running trial, or null without a dated report at or after the start of accrual. */
export function monitorTrial(input: TrialMonitorInput): TrialMonitor | null {
  const threshold = input.threshold ?? AT_RISK_PROBABILITY;
  const minMonthsOfData = input.minMonthsOfData ?? MIN_MONTHS_OF_DATA;
  const discount = input.discount ?? DEFAULT_OPTIMISM_DISCOUNT;
  const reports = input.reports.filter((r) => r.month >= 0 && Number.isFinite(r.month));
  if (reports.length === 0 || !(input.target > 0) || !(input.plannedEndMonths > 0)) return null;
  const overall = reports.filter((r) => r.organizationId === null);
  const byOrg = reports.filter((r) => r.organizationId !== null);
  const newest = (rs: readonly TrialReport[]) => Math.max(-Infinity, ...rs.map((r) => r.month));
  const mode = byOrg.length > 0 && newest(byOrg) >= newest(overall) ? "organizations" : "pooled";
  const used = mode === "organizations" ? byOrg : overall;
  const asOfMonth = newest(used);
  const planRate: GammaDist = priorFromPledge((input.target / input.plannedEndMonths) * 12, { discount: 1 });
  const pledged = input.participants.filter((p) => p.patientsPerYear && p.patientsPerYear > 0);
  const label = new Map(input.participants.map((p) => [p.organizationId, p.label]));

  const centres: Centre[] = [];
  const organizations: OrganizationMonitor[] = [];
  let recruited = 0;
  let prior: TrialMonitor["prior"];
  if (mode === "organizations") {
    const latest = [...latestBy(byOrg, (r) => r.organizationId!).values()];
    const units = latest.length;
    prior = latest.some((r) => pledged.some((p) => p.organizationId === r.organizationId)) ? "pledges" : "plan";
    for (const r of latest) {
      const pledge = pledged.find((p) => p.organizationId === r.organizationId)?.patientsPerYear;
      const own = pledge ? priorFromPledge(pledge, { discount }) : { shape: planRate.shape, rate: planRate.rate * units };
      const rate = posterior(own, { patients: r.total, months: r.month });
      centres.push({ label: r.organizationId!, rate });
      recruited += r.total;
      const perMonth = rate.shape / rate.rate;
      organizations.push({
        organizationId: r.organizationId!,
        label: label.get(r.organizationId!) ?? "Organization",
        reported: r.total,
        month: r.month,
        ratePerYear: perMonth * 12,
        expectedByPlannedEnd: r.total + perMonth * Math.max(0, input.plannedEndMonths - asOfMonth),
        prior: pledge ? "pledge" : "plan",
      });
    }
  } else {
    const latest = overall.reduce((a, b) => (b.month >= a.month ? b : a));
    const total = pledged.reduce((sum, p) => sum + p.patientsPerYear!, 0);
    prior = total > 0 ? "pledges" : "plan";
    const own = total > 0 ? priorFromPledge(total, { discount }) : planRate;
    centres.push({ label: "pooled", rate: posterior(own, { patients: latest.total, months: latest.month }) });
    recruited = latest.total;
  }

  const toPlannedEnd = Math.max(0, input.plannedEndMonths - asOfMonth);
  const f = forecast({
    target: input.target,
    recruited: Math.min(recruited, input.target),
    centres,
    plannedEndMonths: toPlannedEnd,
    horizonMonths: Math.ceil(toPlannedEnd) + BAND_BEYOND_PLANNED_END,
    band: input.band ?? true,
    draws: input.draws ?? MONITOR_DRAWS,
    bandDraws: MONITOR_BAND_DRAWS,
    seed: input.seed ?? DEFAULT_SEED,
  });
  const probability = f.probabilityByPlannedEnd!;
  const tooEarly = asOfMonth < minMonthsOfData;
  const atEnd = f.band.length > 0 ? f.band[Math.min(f.band.length - 1, Math.floor(toPlannedEnd))]! : null;
  const perYear = f.expectedRatePerMonth * 12;
  const expectedAtEnd = recruited + (perYear / 12) * toPlannedEnd;
  return {
    mode,
    prior,
    asOfMonth,
    recruited,
    target: input.target,
    plannedEndMonths: input.plannedEndMonths,
    probability,
    threshold,
    atRisk: !tooEarly && probability < threshold,
    tooEarly,
    minMonthsOfData,
    medianMonthsToTarget: asOfMonth + f.medianMonths,
    interval80: { low: asOfMonth + f.interval80.low, high: asOfMonth + f.interval80.high },
    projectedAtPlannedEnd: atEnd
      ? { p10: atEnd.p10, p50: atEnd.p50, p90: atEnd.p90 }
      : { p10: expectedAtEnd, p50: expectedAtEnd, p90: expectedAtEnd },
    ratePerYear: perYear,
    band: f.band.map((b) => ({ month: asOfMonth + b.month, p10: b.p10, p50: b.p50, p90: b.p90 })),
    observed: observedTotals(used),
    organizations: organizations.sort((a, b) => a.label.localeCompare(b.label)),
    notReported:
      mode === "organizations"
        ? input.participants.filter((p) => !organizations.some((o) => o.organizationId === p.organizationId)).map((p) => p.label)
        : [],
  };
}
