import "server-only";
// Updating one step of a trial's start-up in one country, and adding a country to the tracker. Each change,
// in one transaction: the step (guarded by its version: a stale edit is refused, not applied), a history
// record of the version it made, and the audit event.
import { db } from "@/lib/db";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import { allowed, assertAllowed } from "@/lib/authz/rules";
import type { Actor } from "@/lib/authz/policy";
import type { Prisma } from "@/lib/prisma-client";
import { isUniqueViolation } from "@/lib/retry";
import { requireKey } from "@/lib/validation";
import { countryCode } from "@/lib/trials/countries";
import { authorizeTrial } from "@/lib/trials/access";
import { trialAudit } from "@/lib/trials/record";
import { countryName } from "@/lib/time";
import { ZStartupStep, ZStartupStepUpdate, ZStepVersion, stepProblems } from "./schema";
import { STARTUP_STEPS, isoDay, stepLabel, type StartupStep } from "./steps";
import { loadTracker } from "./tracker";

const STALE =
  "Someone else changed this step after you opened the page. What you typed is still in the form: reload to see the step as it is now, then apply your changes again.";

type Tx = Prisma.TransactionClient;
type StepRow = Prisma.StartupStepGetPayload<object>;

/** A step as its history and the audit trail keep it. */
function snapshot(s: StepRow) {
  return {
    state: s.state,
    plannedDate: s.plannedDate ? isoDay(s.plannedDate) : null,
    actualDate: s.actualDate ? isoDay(s.actualDate) : null,
    actualPrecision: s.actualPrecision,
    blockedSince: s.blockedSince ? isoDay(s.blockedSince) : null,
    blockedReason: s.blockedReason,
    ownerOrganizationId: s.ownerOrganizationId,
    illustrative: s.illustrative,
  };
}

async function record(tx: Tx, s: StepRow, actorId: string) {
  await tx.startupStepRecord.create({
    data: {
      stepId: s.id,
      version: s.version,
      state: s.state,
      plannedDate: s.plannedDate,
      actualDate: s.actualDate,
      actualPrecision: s.actualPrecision,
      blockedSince: s.blockedSince,
      blockedReason: s.blockedReason,
      ownerOrganizationId: s.ownerOrganizationId,
      illustrative: s.illustrative,
      recordedById: actorId,
    },
  });
}

/** A country named by the address or a bound argument: a two-letter code of the tracker, else not found. */
function trackerCountry(value: unknown): string {
  if (typeof value === "string" && /^[A-Z]{2}$/.test(value)) return value;
  throw new AppError("NOT_FOUND", "No such country in this trial's start-up.");
}

export function parseStep(value: unknown): StartupStep {
  const parsed = ZStartupStep.safeParse(value);
  if (!parsed.success) throw new AppError("NOT_FOUND", "No such start-up step.");
  return parsed.data;
}

/**
 * Updates a step of one country: the trial's keepers for any, the representative or a deputy of the step's
 * owner organization for its own (who may not hand it to another organization: the owner stays as it is).
 */
export async function updateStartupStep(
  actor: Actor | null,
  trialId: string,
  rawCountry: unknown,
  rawStep: unknown,
  raw: unknown,
  rawVersion: unknown,
  today = new Date(),
) {
  trialId = requireKey(trialId, "trial");
  const country = trackerCountry(rawCountry);
  const step = parseStep(rawStep);
  assertCan(actor, "proposal.view");
  const tracker = await loadTracker(db, trialId);
  if (!tracker.countries.includes(country)) throw new AppError("NOT_FOUND", "No such country in this trial's start-up.");
  const before = tracker.row(country, step);
  const owner = tracker.ownerOf(country, step);
  assertAllowed(actor, "startup.update", { ...tracker.context, ownerOrganizationId: owner });
  const keeps = allowed(actor, "trial.keep", tracker.context);
  const version = ZStepVersion.safeParse(rawVersion);
  if (!version.success) throw new AppError("INVALID", "This form is out of date: reload the page, then apply your changes again.");
  const parsed = ZStartupStepUpdate.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  // Approval is where start-up begins; funding may come before the protocol or the vote.
  const approval = tracker.anchor && tracker.anchor.from !== "funding" && step !== "FUNDING" ? tracker.anchor.date : null;
  const problems = stepProblems(input, today, approval);
  const ownerOrganizationId = keeps ? input.ownerOrganizationId : owner;
  if (keeps && ownerOrganizationId && !(await db.organization.findUnique({ where: { id: ownerOrganizationId }, select: { id: true } })))
    problems.ownerOrganizationId = "Choose an organization from the list.";
  if (Object.keys(problems).length) throw new ValidationError(problems);
  // A year or month of the public record stays as precise as it was while the date is kept as it is.
  const keptPrecision =
    before?.actualDate && input.actualDate && before.actualDate.getTime() === input.actualDate.getTime() ? before.actualPrecision : "DAY";
  const sameActual = Boolean(before && (before.actualDate?.getTime() ?? null) === (input.actualDate?.getTime() ?? null));
  // A public source stays with the date it gave; a date a person records is theirs (the history says whose).
  const source = before && sameActual && !before.illustrative ? before.source : "";
  const blocked = input.state === "BLOCKED";
  const data = {
    state: input.state,
    plannedDate: input.plannedDate,
    actualDate: input.actualDate,
    actualPrecision: input.actualDate ? keptPrecision : "DAY",
    blockedSince: blocked ? input.blockedSince : null,
    blockedReason: blocked ? input.blockedReason : null,
    ownerOrganizationId,
    source,
    // What a person records is the record: no longer the seed's illustration.
    illustrative: false,
    updatedById: actor.userId,
  } as const;
  try {
    return await db.$transaction(async (tx) => {
      let saved: StepRow;
      if (version.data === 0) {
        if (before) throw new AppError("CONFLICT", STALE);
        saved = await tx.startupStep.create({ data: { trialId, country, step, ...data } });
      } else {
        if (!before) throw new AppError("CONFLICT", STALE);
        const { count } = await tx.startupStep.updateMany({
          where: { id: before.id, version: version.data },
          data: { ...data, version: { increment: 1 } },
        });
        if (count === 0) throw new AppError("CONFLICT", STALE);
        saved = await tx.startupStep.findUniqueOrThrow({ where: { id: before.id } });
      }
      await record(tx, saved, actor.userId);
      await trialAudit(tx, actor.userId, tracker.trial.proposalId, "startup.step_updated", {
        country,
        step,
        label: stepLabel(step, country),
        version: saved.version,
        before: before ? snapshot(before) : null,
        after: snapshot(saved),
        ...(keeps ? {} : { updatedFor: "own organization" }),
      });
      return saved;
    });
  } catch (error) {
    // The step's first row made by someone else a moment ago.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", STALE);
    throw error;
  }
}

/** Adds a country to a trial's tracker (the trial's keepers): its steps, not started, owned as usual. */
export async function addStartupCountry(actor: Actor | null, trialId: string, raw: { country: unknown }) {
  trialId = requireKey(trialId, "trial");
  const { keeper } = await authorizeTrial(actor, trialId);
  const typed = typeof raw.country === "string" ? raw.country.slice(0, 100) : "";
  const country = countryCode(typed);
  if (!country) throw new ValidationError({ country: "Choose a country by its name or its two-letter code, such as France or FR." });
  const tracker = await loadTracker(db, trialId);
  const already = { country: `${countryName(country)} is already in the tracker.` };
  if (tracker.countries.includes(country)) throw new ValidationError(already);
  const ownerOrganizationId = tracker.ownerOf(country, "FUNDING");
  try {
    return await db.$transaction(async (tx) => {
      for (const step of STARTUP_STEPS) {
        const saved = await tx.startupStep.create({ data: { trialId, country, step, ownerOrganizationId, updatedById: keeper.userId } });
        await record(tx, saved, keeper.userId);
      }
      await trialAudit(tx, keeper.userId, tracker.trial.proposalId, "startup.country_added", { country, ownerOrganizationId });
      return country;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError(already);
    throw error;
  }
}
