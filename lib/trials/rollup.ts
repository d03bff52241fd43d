// A trial of several component studies (BALLAD: the UK-led study, J-BALLAD, the Belgian study): each study's
// target and latest accrual, rolled up to the umbrella. Pure.
//
// The rule against double counting. A report for the whole trial (no study, no organization, no country)
// counts every patient of the trial, the studies' patients included; the studies' latest reports, added up,
// count the patients of the studies. Both are cumulative counts of the same patients seen at different times,
// so each is a lower bound of the trial's accrual and they are never added together: the umbrella's accrual is
// the larger of the two (a recent whole-trial total that includes patients of a study that has not reported
// wins; recent study reports win over an old whole-trial total). Reports for one organization or one country
// without a study are another view of the same patients and never enter the roll-up.
//
// The umbrella's target is the trial's own target when it has one (an integrated analysis may plan its own
// total), else the sum of the studies' targets when every study has one (a sum that leaves a study out would
// make the umbrella look further along than it is).
import { endOfPartialDate } from "./progress";

export interface RollupReport {
  date: string | null;
  total: number;
  organizationId: string | null;
  country: string | null;
  componentStudyId: string | null;
}

export interface RollupStudy {
  id: string;
  targetAccrual: number | null;
}

export interface StudyRollup {
  studyId: string;
  target: number | null;
  /** Its latest report, or null when it has not reported. */
  accrued: number | null;
  asOf: string | null;
  /** Accrued as a whole percentage of its target, when both are known. */
  percent: number | null;
}

export interface Rollup {
  studies: StudyRollup[];
  /** Sum of the studies' targets; null unless every study has one. */
  studiesTarget: number | null;
  /** Studies without a target (then there is no sum). */
  studiesWithoutTarget: number;
  target: number | null;
  targetFrom: "trial" | "studies" | null;
  /** Sum of the studies' latest reports; null when no study has reported. */
  studiesAccrued: number | null;
  /** The latest whole-trial report; null when there is none. */
  trialAccrued: number | null;
  accrued: number | null;
  accruedFrom: "studies" | "trial" | null;
  percent: number | null;
}

/** When a report counts: dated ones at the end of their partial date, an undated total before every dated one. */
const countsAt = (r: Pick<RollupReport, "date">) => (r.date ? endOfPartialDate(r.date).getTime() : -Infinity);

/** The latest of these reports (the later in the list wins a tie, as reports come in the order they were made). */
export function latestReport<T extends Pick<RollupReport, "date">>(reports: readonly T[]): T | null {
  let latest: T | null = null;
  for (const r of reports) if (!latest || countsAt(r) >= countsAt(latest)) latest = r;
  return latest;
}

const percentOf = (accrued: number | null, target: number | null) =>
  accrued === null || !target ? null : Math.round((accrued / target) * 100);

export function rollUp(trial: { targetAccrual: number | null }, studies: readonly RollupStudy[], reports: readonly RollupReport[]): Rollup {
  const perStudy: StudyRollup[] = studies.map((s) => {
    const latest = latestReport(reports.filter((r) => r.componentStudyId === s.id));
    const accrued = latest?.total ?? null;
    return { studyId: s.id, target: s.targetAccrual, accrued, asOf: latest?.date ?? null, percent: percentOf(accrued, s.targetAccrual) };
  });
  const withTarget = perStudy.filter((s) => s.target !== null);
  const studiesTarget =
    withTarget.length > 0 && withTarget.length === perStudy.length ? withTarget.reduce((sum, s) => sum + s.target!, 0) : null;
  const reported = perStudy.filter((s) => s.accrued !== null);
  const studiesAccrued = reported.length > 0 ? reported.reduce((sum, s) => sum + s.accrued!, 0) : null;
  const trialLatest = latestReport(reports.filter((r) => !r.componentStudyId && !r.organizationId && !r.country));
  const trialAccrued = trialLatest?.total ?? null;

  const target = trial.targetAccrual ?? studiesTarget;
  const targetFrom = trial.targetAccrual !== null ? "trial" : studiesTarget !== null ? "studies" : null;
  let accrued: number | null = null;
  let accruedFrom: Rollup["accruedFrom"] = null;
  if (studiesAccrued !== null && (trialAccrued === null || studiesAccrued >= trialAccrued)) {
    accrued = studiesAccrued;
    accruedFrom = "studies";
  } else if (trialAccrued !== null) {
    accrued = trialAccrued;
    accruedFrom = "trial";
  }
  return {
    studies: perStudy,
    studiesTarget,
    studiesWithoutTarget: perStudy.length - withTarget.length,
    target,
    targetFrom,
    studiesAccrued,
    trialAccrued,
    accrued,
    accruedFrom,
    percent: percentOf(accrued, target),
  };
}
