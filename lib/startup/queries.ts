import "server-only";
// The start-up tracker as the trial page, the step's page and the portfolio show it.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import { allowed } from "@/lib/authz/rules";
import type { Actor } from "@/lib/authz/policy";
import type { Prisma } from "@/lib/prisma-client";
import { referenceOrganizations } from "@/lib/organizations/reference";
import { requireKey } from "@/lib/validation";
import { getStartupTargets } from "./settings";
import { parseStep } from "./mutations";
import {
  STARTUP_STEPS,
  median,
  startupAnchor,
  stepLabel,
  stepTiming,
  targetDays,
  type StartupState,
  type StartupStep,
  type StepTiming,
} from "./steps";
import { MAX_TRACKER_COUNTRIES, loadTracker, type Tracker } from "./tracker";

export interface StartupCell {
  country: string;
  step: StartupStep;
  label: string;
  /** Null: nothing recorded for this step in this country. */
  row: Tracker["row"] extends (...args: never[]) => infer R ? R : never;
  ownerOrganizationId: string | null;
  timing: StepTiming;
  canUpdate: boolean;
}

function cellsOf(actor: Actor | null, tracker: Tracker, targets: Awaited<ReturnType<typeof getStartupTargets>>, today: Date) {
  return tracker.countries.map((country) => ({
    country,
    cells: STARTUP_STEPS.map((step): StartupCell => {
      const row = tracker.row(country, step);
      const ownerOrganizationId = tracker.ownerOf(country, step);
      return {
        country,
        step,
        label: stepLabel(step, country),
        row,
        ownerOrganizationId,
        timing: stepTiming(
          row ?? { state: "NOT_STARTED", actualDate: null, actualPrecision: "DAY" },
          row ? tracker.anchor : null,
          targetDays(targets, step, tracker.trial.phases),
          today,
        ),
        canUpdate: allowed(actor, "startup.update", { ...tracker.context, ownerOrganizationId }),
      };
    }),
  }));
}

/** The trial page's matrix: every country of the trial by every step, what blocks it, and who may update what. */
export async function getStartup(actor: Actor | null, trialId: string, today = new Date()) {
  trialId = requireKey(trialId, "trial");
  assertCan(actor, "proposal.view");
  const [tracker, targets, organizations] = await Promise.all([loadTracker(db, trialId), getStartupTargets(), referenceOrganizations()]);
  const countries = cellsOf(actor, tracker, targets, today);
  const blocked = countries.flatMap((c) => c.cells.filter((cell) => cell.row?.state === "BLOCKED"));
  return {
    countries,
    blocked,
    anchor: tracker.anchor,
    canManage: allowed(actor, "trial.keep", tracker.context),
    illustrative: tracker.trial.startupSteps.some((s) => s.illustrative),
    organizations: organizations.map((o) => ({ id: o.id, shortName: o.shortName })),
  };
}
export type StartupView = Awaited<ReturnType<typeof getStartup>>;

/** One step of one country, for its page: only for those who may update it. */
export async function getStartupStep(actor: Actor | null, proposalId: string, rawCountry: string, rawStep: string, today = new Date()) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "proposal.view");
  const country = /^[A-Z]{2}$/.test(rawCountry) ? rawCountry : null;
  const step = parseStep(rawStep);
  const trial = await db.trial.findUnique({ where: { proposalId }, select: { id: true } });
  if (!trial || !country) throw new AppError("NOT_FOUND", "No such step in this trial's start-up.");
  const [tracker, targets, organizations] = await Promise.all([loadTracker(db, trial.id), getStartupTargets(), referenceOrganizations()]);
  if (!tracker.countries.includes(country)) throw new AppError("NOT_FOUND", "No such country in this trial's start-up.");
  const cell = cellsOf(actor, tracker, targets, today)
    .find((c) => c.country === country)!
    .cells.find((c) => c.step === step)!;
  if (!cell.canUpdate) throw new AppError("FORBIDDEN", "Only the trial's keepers and the step's owner organization update it.");
  const history = cell.row
    ? await db.startupStepRecord.findMany({
        where: { stepId: cell.row.id },
        orderBy: { recordedAt: "desc" },
        take: 20,
      })
    : [];
  return {
    trialId: trial.id,
    title: tracker.trial.proposal.title,
    cell,
    anchor: tracker.anchor,
    canManage: allowed(actor, "trial.keep", tracker.context),
    history,
    organizations: organizations.map((o) => ({ id: o.id, shortName: o.shortName })),
  };
}

/** Trials whose start-up the portfolio reads at most (all of IRCI's, many times over). */
export const PORTFOLIO_TRIALS = 200;
/** Open steps past their target listed on the portfolio, at most. */
export const PAST_TARGET_LISTED = 50;

export interface CountryStepDays {
  country: string;
  steps: Record<StartupStep, { median: number | null; approximate: boolean; done: number; pastTarget: number }>;
}

/**
 * Days per step by country across the trials of the portfolio: the median days from approval to done, how
 * many are done, and how many are past their target (done late or still open past it); and the open steps
 * past their target, most overdue first. Illustrative steps are left out: they are not the record.
 */
export async function portfolioStartup(trialWhere: Prisma.TrialWhereInput, today = new Date()) {
  // One query for every trial of the portfolio with a tracker: its steps, and what its approval date is read from.
  const trials = await db.trial.findMany({
    where: { ...trialWhere, startupSteps: { some: {} } },
    orderBy: { proposal: { title: "asc" } },
    take: PORTFOLIO_TRIALS,
    select: {
      phases: true,
      proposal: {
        select: {
          id: true,
          title: true,
          votes: { where: { outcome: "PASSED" }, orderBy: { closedAt: "desc" }, take: 1, select: { closedAt: true } },
        },
      },
      milestones: { where: { kind: "PROTOCOL_APPROVED" }, select: { actual: true } },
      startupSteps: {
        take: MAX_TRACKER_COUNTRIES * 8,
        select: { country: true, step: true, state: true, actualDate: true, actualPrecision: true, illustrative: true },
      },
    },
  });
  const targets = await getStartupTargets();
  const byCountry = new Map<string, Map<StartupStep, { days: number[]; approximate: boolean; done: number; pastTarget: number }>>();
  const overdue: {
    proposalId: string;
    title: string;
    country: string;
    step: StartupStep;
    label: string;
    days: number;
    target: number;
    state: StartupState;
    illustrative: boolean;
  }[] = [];
  for (const trial of trials) {
    const anchor = startupAnchor({
      protocolApproved: trial.milestones[0]?.actual ?? null,
      votePassedAt: trial.proposal.votes[0]?.closedAt ?? null,
      funding: trial.startupSteps
        .filter((s) => s.step === "FUNDING" && s.state === "DONE" && s.actualDate && !s.illustrative)
        .map((s) => ({ date: s.actualDate!, precision: s.actualPrecision })),
    });
    // What the demo filled in is shown on the trial page, never counted here.
    for (const s of trial.startupSteps.filter((x) => !x.illustrative)) {
      const step = s.step as StartupStep;
      const target = targetDays(targets, step, trial.phases);
      const timing = stepTiming(s, anchor, target, today);
      const steps = byCountry.get(s.country) ?? new Map();
      byCountry.set(s.country, steps);
      const entry = steps.get(step) ?? { days: [], approximate: false, done: 0, pastTarget: 0 };
      steps.set(step, entry);
      if (s.state === "DONE" && timing.days !== null) {
        entry.days.push(timing.days);
        entry.done++;
        entry.approximate ||= timing.approximate;
      }
      if (timing.pastTarget) entry.pastTarget++;
      if (timing.pastTarget && s.state !== "DONE" && timing.days !== null)
        overdue.push({
          proposalId: trial.proposal.id,
          title: trial.proposal.title,
          country: s.country,
          step,
          label: stepLabel(step, s.country),
          days: timing.days,
          target,
          state: s.state,
          illustrative: s.illustrative,
        });
    }
  }
  const countries: CountryStepDays[] = [...byCountry.entries()]
    .map(([country, steps]) => ({
      country,
      steps: Object.fromEntries(
        STARTUP_STEPS.map((step) => {
          const e = steps.get(step);
          return [
            step,
            { median: e ? median(e.days) : null, approximate: e?.approximate ?? false, done: e?.done ?? 0, pastTarget: e?.pastTarget ?? 0 },
          ];
        }),
      ) as CountryStepDays["steps"],
    }))
    .sort((a, b) => a.country.localeCompare(b.country));
  overdue.sort((a, b) => b.days - b.target - (a.days - a.target));
  return { countries, overdue: overdue.slice(0, PAST_TARGET_LISTED), overdueTotal: overdue.length, targets };
}
