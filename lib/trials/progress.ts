// Accrual against target and milestones against plan. Pure.

export const MILESTONES = [
  "PROTOCOL_APPROVED",
  "FUNDING_SECURED",
  "FIRST_SITE_OPEN",
  "FIRST_PATIENT_IN",
  "ACCRUAL_COMPLETE",
  "PRIMARY_COMPLETION",
  "RESULTS_PUBLISHED",
] as const;
export type MilestoneKind = (typeof MILESTONES)[number];

export const MILESTONE_LABEL: Record<MilestoneKind, string> = {
  PROTOCOL_APPROVED: "Protocol approved",
  FUNDING_SECURED: "Funding secured",
  FIRST_SITE_OPEN: "First site open",
  FIRST_PATIENT_IN: "First patient in",
  ACCRUAL_COMPLETE: "Accrual complete",
  PRIMARY_COMPLETION: "Primary completion",
  RESULTS_PUBLISHED: "Results published",
};

export type MilestoneState = "done" | "late" | "due" | "planned" | "unplanned";
export const MILESTONE_STATE_LABEL: Record<MilestoneState, string> = {
  done: "Done",
  late: "Late",
  due: "Due soon",
  planned: "Planned",
  unplanned: "Not planned",
};
export const DUE_WITHIN_DAYS = 30;

/** A partial date (yyyy, yyyy-MM, yyyy-MM-dd) as the last day it covers: "2026-03" is late only after March. */
export function endOfPartialDate(date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  if (d) return new Date(Date.UTC(y!, m! - 1, d, 23, 59, 59));
  if (m) return new Date(Date.UTC(y!, m, 0, 23, 59, 59));
  return new Date(Date.UTC(y!, 11, 31, 23, 59, 59));
}

export function milestoneState(m: { planned: string | null; actual: string | null }, today: Date): MilestoneState {
  if (m.actual) return "done";
  if (!m.planned) return "unplanned";
  const end = endOfPartialDate(m.planned);
  if (end < today) return "late";
  if (end.getTime() - today.getTime() <= DUE_WITHIN_DAYS * 86400_000) return "due";
  return "planned";
}

export interface AccrualPoint {
  date: string | null;
  total: number;
  organizationId: string | null;
  country: string | null;
  /** A component study's report: counted by the study, never as the trial's (lib/trials/rollup.ts rolls them up). */
  componentStudyId?: string | null;
}

/** Reports for the trial itself, overall or by organization or country: not a component study's. */
const trialLevel = (updates: readonly AccrualPoint[]) => updates.filter((u) => !u.componentStudyId);

/** Overall accrual is the latest overall report (dated ones in date order; an undated total last). */
export function currentAccrual(updates: readonly AccrualPoint[]): number | null {
  const overall = trialLevel(updates).filter((u) => !u.organizationId && !u.country);
  if (overall.length === 0) return null;
  const sorted = [...overall].sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"));
  return sorted.at(-1)!.total;
}

/** The latest report for each organization or country. */
export function accrualByScope(
  updates: readonly AccrualPoint[],
): { organizationId: string | null; country: string | null; total: number; date: string | null }[] {
  const latest = new Map<string, AccrualPoint>();
  for (const u of trialLevel(updates).sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""))) {
    if (!u.organizationId && !u.country) continue;
    latest.set(`${u.organizationId ?? ""}|${u.country ?? ""}`, u);
  }
  return [...latest.values()].map(({ organizationId, country, total, date }) => ({ organizationId, country, total, date }));
}

export function percentOfTarget(actual: number | null, target: number | null): number | null {
  if (actual === null || !target) return null;
  return Math.round((actual / target) * 100);
}

export interface AccrualSeries {
  /** "Overall", an organization's short name or a country's name. */
  label: string;
  /** Each report as the time it counts at (the end of its partial date, in ms) and the total, in time order. */
  points: { at: number; total: number }[];
}

/**
 * Accrual as series over time for a chart: the overall count first, then one series per organization
 * or country. Undated totals cannot be placed in time and are left out (the table lists them).
 */
export function accrualSeries(
  updates: readonly AccrualPoint[],
  scopeLabel: (scope: { organizationId: string | null; country: string | null }) => string,
): AccrualSeries[] {
  const byScope = new Map<string, AccrualSeries>();
  for (const u of trialLevel(updates)) {
    if (!u.date) continue;
    const key = `${u.organizationId ?? ""}|${u.country ?? ""}`;
    const label = !u.organizationId && !u.country ? "Overall" : scopeLabel(u);
    const series = byScope.get(key) ?? { label, points: [] };
    series.points.push({ at: endOfPartialDate(u.date).getTime(), total: u.total });
    byScope.set(key, series);
  }
  for (const s of byScope.values()) s.points.sort((a, b) => a.at - b.at);
  const overall = byScope.get("|");
  byScope.delete("|");
  return [...(overall ? [overall] : []), ...[...byScope.values()].sort((a, b) => a.label.localeCompare(b.label))];
}
