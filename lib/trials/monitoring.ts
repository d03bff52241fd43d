// From a trial's record to the accrual monitor: the planned accrual window, the reports in months from the
// start of accrual, and the organizations taking part. Pure (the trial page, the portfolio and the back-test
// share it, so they all say the same).
import { DAYS_PER_MONTH } from "@/lib/forecast/model";
import { monitorTrial, type TrialMonitor, type TrialMonitorInput } from "@/lib/forecast/trial-monitor";
import { formatChance } from "@/lib/forecast/pledges";
import { endOfPartialDate } from "./progress";

/** A partial date (yyyy, yyyy-MM, yyyy-MM-dd) as the middle of what it covers: "2012" is 2 July 2012. */
export function middleOfPartialDate(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  const start = Date.UTC(y!, (m ?? 1) - 1, d ?? 1);
  return d ? start : (start + endOfPartialDate(date).getTime()) / 2;
}

export const monthsFrom = (startMs: number, date: string) => (middleOfPartialDate(date) - startMs) / (DAYS_PER_MONTH * 86_400_000);

export interface MonitoredTrial {
  targetAccrual: number | null;
  startDate: string | null;
  milestones: readonly { kind: string; planned: string | null; actual: string | null }[];
  accrual: readonly {
    date: string | null;
    total: number;
    organizationId: string | null;
    country: string | null;
    componentStudyId?: string | null;
  }[];
}

export interface AccrualWindow {
  /** The start of accrual, as recorded, and where it comes from. */
  start: string;
  startFrom: "first patient in" | "first site open" | "the trial's start date";
  plannedEnd: string;
  target: number;
  /** The start as a time (the middle of its partial date), for turning months back into dates. */
  startMs: number;
}

/** What the monitor needs and the record lacks, in words a keeper can act on. */
export type WindowProblem = "target" | "start" | "plannedEnd";
export const WINDOW_PROBLEM_LABEL: Record<WindowProblem, string> = {
  target: "the target accrual (in the details)",
  start: "when accrual started (the actual date of the “First patient in” or “First site open” milestone, or the start date)",
  plannedEnd: "when accrual is planned to end (the planned date of the “Accrual complete” milestone)",
};

export function accrualWindow(trial: MonitoredTrial): { window: AccrualWindow } | { missing: WindowProblem[] } {
  const milestone = (kind: string) => trial.milestones.find((m) => m.kind === kind);
  const firstPatient = milestone("FIRST_PATIENT_IN")?.actual;
  const firstSite = milestone("FIRST_SITE_OPEN")?.actual;
  const start = firstPatient ?? firstSite ?? trial.startDate;
  const plannedEnd = milestone("ACCRUAL_COMPLETE")?.planned;
  const missing: WindowProblem[] = [];
  if (!trial.targetAccrual) missing.push("target");
  if (!start) missing.push("start");
  if (!plannedEnd) missing.push("plannedEnd");
  if (missing.length > 0 || !start || !plannedEnd || !trial.targetAccrual) return { missing };
  const startFrom = firstPatient ? "first patient in" : firstSite ? "first site open" : "the trial's start date";
  return { window: { start, startFrom, plannedEnd, target: trial.targetAccrual, startMs: middleOfPartialDate(start) } };
}

/**
 * The reports the monitor reads: dated, overall or for one organization (a country's count is another scope,
 * a component study's is its own monitor's: `studyMonitors` in rollup-monitor.ts).
 */
export function monitorReports(trial: MonitoredTrial, window: AccrualWindow): TrialMonitorInput["reports"] {
  return trial.accrual
    .filter((a) => a.date && !a.country && !a.componentStudyId)
    .map((a) => ({ organizationId: a.organizationId, month: Math.max(0, monthsFrom(window.startMs, a.date!)), total: a.total }));
}

export type TrialMonitorResult =
  | { state: "ready"; window: AccrualWindow; monitor: TrialMonitor }
  | { state: "missing"; missing: WindowProblem[] }
  | { state: "no-reports"; window: AccrualWindow };

/** The monitor's verdict on a trial as its record stands. */
export function monitorOfTrial(
  trial: MonitoredTrial,
  participants: TrialMonitorInput["participants"],
  options: Pick<TrialMonitorInput, "threshold" | "discount" | "band" | "draws"> = {},
): TrialMonitorResult {
  const found = accrualWindow(trial);
  if ("missing" in found) return { state: "missing", missing: found.missing };
  const { window } = found;
  const plannedEndMonths = monthsFrom(window.startMs, window.plannedEnd);
  if (!(plannedEndMonths > 0)) return { state: "missing", missing: ["plannedEnd"] };
  const monitor = monitorTrial({
    target: window.target,
    plannedEndMonths,
    reports: monitorReports(trial, window),
    participants,
    ...options,
  });
  return monitor ? { state: "ready", window, monitor } : { state: "no-reports", window };
}

/** A month from the start of accrual as a date people read: "March 2016". */
export function monthLabel(window: Pick<AccrualWindow, "startMs">, month: number, style: "long" | "short" = "long"): string {
  const at = new Date(window.startMs + month * DAYS_PER_MONTH * 86_400_000);
  return at.toLocaleDateString("en-GB", { month: style, year: "numeric", timeZone: "UTC" });
}

/** The chance of reaching the target by the planned end as people read it ("under 1%", never a flat "0%" from a simulation). */
export function chanceLabel(m: Pick<TrialMonitor, "probability">): string {
  return m.probability < 0.01 ? "under 1%" : formatChance(m.probability);
}

export type MonitorVerdict = "at-risk" | "on-track" | "too-early" | "reached";
export const VERDICT_LABEL: Record<MonitorVerdict, string> = {
  "at-risk": "At risk",
  "on-track": "On track",
  "too-early": "Too early to judge",
  reached: "Target reached",
};

export function monitorVerdict(m: TrialMonitor): MonitorVerdict {
  if (m.recruited >= m.target) return "reached";
  if (m.atRisk) return "at-risk";
  return m.tooEarly ? "too-early" : "on-track";
}

/** The verdict in one plain sentence: "At risk: 3% chance of reaching 216 by July 2016; at the current rate about 60 by then." */
export function monitorSentence(window: AccrualWindow, m: TrialMonitor): string {
  const verdict = monitorVerdict(m);
  const by = monthLabel(window, m.plannedEndMonths);
  const about = Math.round(m.projectedAtPlannedEnd.p50);
  if (verdict === "reached") return `Target reached: ${m.recruited} of ${m.target}.`;
  if (m.asOfMonth >= m.plannedEndMonths)
    return `${VERDICT_LABEL[verdict]}: the planned end (${by}) passed with ${m.recruited} of ${m.target} reported.`;
  const chance = `${chanceLabel(m)} chance of reaching ${m.target} by ${by}; at the current rate about ${about} by then`;
  if (verdict === "too-early")
    return `${VERDICT_LABEL[verdict]}: ${Math.floor(m.asOfMonth)} months of accrual data, and the monitor judges from ${m.minMonthsOfData}. So far, ${chance}.`;
  return `${VERDICT_LABEL[verdict]}: ${chance}.`;
}

/** When the median forecast reaches the target, with its 80% interval, in words. */
export function targetDateSentence(window: AccrualWindow, m: TrialMonitor): string {
  if (m.recruited >= m.target) return "";
  const when = (month: number) => (Number.isFinite(month) ? monthLabel(window, month) : "never at these rates");
  return `At the rates reported, ${m.target} would be reached around ${when(m.medianMonthsToTarget)} (80% interval: ${when(m.interval80.low)} to ${when(m.interval80.high)}).`;
}
