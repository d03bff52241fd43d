// The accrual forecast on both levels of a trial made of component studies. Pure.
//
// Per study: the study's own reports against its own target, from its start to its planned end of accrual,
// with the plan itself as the prior (a study has no pledges of its own): `monitorOfTrial` reads the study as a
// trial of one.
// Combined, for the umbrella: each study is a centre recruiting at its own rate (the monitor's "by organization"
// mode, one unit per study), against the umbrella's target (the roll-up's: the trial's own, else the studies'
// sum). A whole-trial total newer than every study's report is read instead (the monitor's pooled mode), as for
// any trial. Reports for an organization or a country without a study are left out of the combined forecast:
// they count the same patients as the studies' reports. The window is the trial's own when its record has one,
// else from the earliest study's start to the latest study's planned end.
import { middleOfPartialDate, monitorOfTrial, type MonitoredTrial, type TrialMonitorResult } from "./monitoring";
import type { TrialMonitorInput } from "@/lib/forecast/trial-monitor";

export interface MonitoredStudy {
  id: string;
  name: string;
  shortName: string | null;
  targetAccrual: number | null;
  startDate: string | null;
  plannedAccrualEnd: string | null;
}

type Options = Pick<TrialMonitorInput, "threshold" | "discount" | "band" | "draws">;
type Report = MonitoredTrial["accrual"][number];

/** What a study's forecast needs and its record lacks, in words a keeper can act on. */
export const STUDY_WINDOW_PROBLEM_LABEL = {
  target: "its target accrual",
  start: "when its accrual started",
  plannedEnd: "when its accrual is planned to end",
} as const;

export function studyMonitor(study: MonitoredStudy, accrual: readonly Report[], options: Options = {}): TrialMonitorResult {
  return monitorOfTrial(
    {
      targetAccrual: study.targetAccrual,
      startDate: study.startDate,
      milestones: study.plannedAccrualEnd ? [{ kind: "ACCRUAL_COMPLETE", planned: study.plannedAccrualEnd, actual: null }] : [],
      // The study's reports are its overall count.
      accrual: accrual
        .filter((a) => a.componentStudyId === study.id)
        .map((a) => ({ date: a.date, total: a.total, organizationId: null, country: null })),
    },
    [],
    options,
  );
}

const unitOf = (studyId: string) => `study:${studyId}`;

const earliest = (dates: (string | null)[]) =>
  dates.filter((d): d is string => Boolean(d)).sort((a, b) => middleOfPartialDate(a) - middleOfPartialDate(b))[0] ?? null;

/** The umbrella's combined forecast, or null when no study has reported (the trial's own monitor then says it all). */
export function umbrellaMonitor(
  trial: MonitoredTrial,
  studies: readonly MonitoredStudy[],
  target: number | null,
  options: Options = {},
): TrialMonitorResult | null {
  const ids = new Set(studies.map((s) => s.id));
  if (!trial.accrual.some((a) => a.componentStudyId && ids.has(a.componentStudyId))) return null;
  const hasPlannedEnd = trial.milestones.some((m) => m.kind === "ACCRUAL_COMPLETE" && m.planned);
  const latestEnd = studies
    .map((s) => s.plannedAccrualEnd)
    .filter((d): d is string => Boolean(d))
    .sort((a, b) => middleOfPartialDate(b) - middleOfPartialDate(a))[0];
  const hasStart =
    trial.startDate || trial.milestones.some((m) => (m.kind === "FIRST_PATIENT_IN" || m.kind === "FIRST_SITE_OPEN") && m.actual);
  const combined: MonitoredTrial = {
    targetAccrual: target,
    startDate: hasStart ? trial.startDate : earliest(studies.map((s) => s.startDate)),
    milestones: [
      ...trial.milestones,
      ...(hasPlannedEnd || !latestEnd ? [] : [{ kind: "ACCRUAL_COMPLETE", planned: latestEnd, actual: null }]),
    ],
    accrual: trial.accrual.flatMap((a) => {
      if (a.componentStudyId)
        return ids.has(a.componentStudyId) ? [{ ...a, organizationId: unitOf(a.componentStudyId), componentStudyId: null }] : [];
      return a.organizationId || a.country ? [] : [a];
    }),
  };
  const participants = studies.map((s) => ({ organizationId: unitOf(s.id), label: s.shortName ?? s.name, patientsPerYear: null }));
  return monitorOfTrial(combined, participants, options);
}
