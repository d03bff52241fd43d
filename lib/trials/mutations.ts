import "server-only";
// Keeping a trial's record by hand: details, registry ids, accrual, milestones, sites.
import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { requireKey } from "@/lib/validation";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/retry";
import { countryCode } from "./countries";
import { checkRegistryId } from "./registry";
import { ZAccrual, ZAccrualCorrection, ZMilestone, ZReason, ZSite, ZSiteCorrection, ZTrialDetails } from "./schema";
import { authorizeAccrualReport, authorizeProposal, authorizeTrial } from "./access";
import { accrualDoubt, cumulativeConflict, lockTrial, trialAudit, type AccrualScope } from "./record";
import { TRIAL_STATUSES } from "@/lib/proposals/workflow";
import type { Prisma } from "@/lib/prisma-client";
import { closesTrialEarly } from "@/lib/decisions/labels";
import { recordTrialClosedEarly } from "@/lib/decisions/record";
import { ZCloseReason } from "@/lib/decisions/schema";

export async function createTrial(actor: Actor | null, proposalId: string) {
  proposalId = requireKey(proposalId, "proposal");
  assertCan(actor, "proposal.view");
  const proposal = await authorizeProposal(actor, proposalId);
  if (!(TRIAL_STATUSES as readonly string[]).includes(proposal.status)) {
    throw new AppError("CONFLICT", "A trial record starts when the proposal is in planning: start planning first.");
  }
  if (proposal.trial) return proposal.trial;
  try {
    return await db.$transaction(async (tx) => {
      const trial = await tx.trial.create({ data: { proposalId } });
      await trialAudit(tx, actor.userId, proposalId, "trial.created");
      return trial;
    });
  } catch (error) {
    // Created by someone else a moment ago: that one is the record.
    if (isUniqueViolation(error)) return db.trial.findUniqueOrThrow({ where: { proposalId } });
    throw error;
  }
}

export async function updateTrial(actor: Actor | null, trialId: string, raw: unknown) {
  trialId = requireKey(trialId, "trial");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const parsed = ZTrialDetails.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const ending = await earlyEnd(trialId, parsed.data.overallStatus, (raw as { closeReason?: unknown } | null)?.closeReason);
  return db.$transaction(async (tx) => {
    // Guarded by the status the reason was given for: two keepers ending it at once record one decision.
    const { count } = await tx.trial.updateMany({
      where: { id: trialId, ...(ending ? { overallStatus: ending.from } : {}) },
      data: parsed.data,
    });
    if (count === 0)
      throw new AppError("CONFLICT", "Someone changed this trial's status a moment ago. Reload the page, then decide again.");
    await trialAudit(tx, keeper.userId, trial.proposalId, "trial.updated", {
      overallStatus: parsed.data.overallStatus,
      targetAccrual: parsed.data.targetAccrual,
      ...(ending ? { from: ending.from, closeReason: ending.reason } : {}),
    });
    if (ending) {
      await recordTrialClosedEarly(tx, {
        proposalId: trial.proposalId,
        actorId: keeper.userId,
        from: ending.from,
        to: parsed.data.overallStatus,
        reason: ending.reason,
      });
    }
    return tx.trial.findUniqueOrThrow({ where: { id: trialId } });
  });
}

/** A component study of this trial named by a form (empty: the whole trial); anything else is refused on the field. */
async function studyOfForm(trialId: string, raw: string | null | undefined): Promise<string | null> {
  if (!raw) return null;
  const study = /^[A-Za-z0-9_-]{1,64}$/.test(raw)
    ? await db.componentStudy.findFirst({ where: { id: raw, trialId }, select: { id: true } })
    : null;
  if (!study) throw new ValidationError({ componentStudyId: "Choose a study of this trial from the list." });
  return study.id;
}

/** Records a registry id, for the whole trial or for one of its component studies. */
export async function addRegistryId(
  actor: Actor | null,
  trialId: string,
  registry: string,
  value: string,
  rawStudyId: string | null = null,
) {
  trialId = requireKey(trialId, "trial");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const check = checkRegistryId(registry, value);
  if (!check.ok) throw new ValidationError({ [check.field]: check.message });
  const componentStudyId = await studyOfForm(trialId, rawStudyId);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.trialRegistryId.create({ data: { trialId, registry: check.registry, value: check.value, componentStudyId } });
      await trialAudit(tx, keeper.userId, trial.proposalId, "trial.registry_added", {
        registry: check.registry,
        value: check.value,
        ...(componentStudyId ? { componentStudyId } : {}),
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ value: `${check.value} is already recorded for a trial in the portal.` });
    throw error;
  }
}

/** Says which component study a recorded id registers (empty: the whole trial). */
export async function attachRegistryId(actor: Actor | null, trialId: string, registryIdId: string, rawStudyId: string | null) {
  registryIdId = requireKey(registryIdId, "registry id on this trial");
  trialId = requireKey(trialId, "trial");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const componentStudyId = await studyOfForm(trialId, rawStudyId);
  await db.$transaction(async (tx) => {
    const before = await tx.trialRegistryId.findFirst({ where: { id: registryIdId, trialId } });
    if (!before) throw new AppError("NOT_FOUND", "No such registry id on this trial.");
    await tx.trialRegistryId.update({ where: { id: registryIdId }, data: { componentStudyId } });
    await trialAudit(tx, keeper.userId, trial.proposalId, "trial.registry_attached", {
      id: registryIdId,
      value: before.value,
      from: before.componentStudyId,
      to: componentStudyId,
    });
  });
}

export async function removeRegistryId(actor: Actor | null, trialId: string, registryIdId: string) {
  registryIdId = requireKey(registryIdId, "registry id on this trial");
  trialId = requireKey(trialId, "trial");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.trialRegistryId.deleteMany({ where: { id: registryIdId, trialId } });
    if (count === 0) throw new AppError("NOT_FOUND", "No such registry id on this trial.");
    await trialAudit(tx, keeper.userId, trial.proposalId, "trial.registry_removed", { id: registryIdId });
  });
}

/** A country as its ISO 3166 code, from the code or its English name; anything else is refused on the field. */
function knownCountry(typed: string): string {
  const code = countryCode(typed);
  if (!code) throw new ValidationError({ country: "Choose a country by its name or its two-letter code, such as France or FR." });
  return code;
}

async function assertKnownOrganization(id: string | null) {
  if (id && !(await db.organization.findUnique({ where: { id }, select: { id: true } }))) {
    throw new ValidationError({ organizationId: "Choose an organization from the list." });
  }
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A status that ends or halts the trial before its time (terminated, withdrawn, suspended), newly
 * chosen, needs its reason: it goes into the decision register. Null when the status does not end it now.
 */
async function earlyEnd(trialId: string, to: string, rawReason: unknown) {
  if (!closesTrialEarly(to)) return null;
  const { overallStatus: from } = await db.trial.findUniqueOrThrow({ where: { id: trialId }, select: { overallStatus: true } });
  if (from === to) return null;
  const reason = ZCloseReason.safeParse(typeof rawReason === "string" ? rawReason : "");
  if (!reason.success) throw new ValidationError({ closeReason: reason.error.issues[0]!.message });
  return { from, reason: reason.data };
}

/** A doubtful figure is recorded only once the person has confirmed it (the form then shows a checkbox). */
async function confirmAccrual(
  tx: Prisma.TransactionClient,
  trialId: string,
  report: AccrualScope,
  confirmed: boolean,
  correcting?: string,
): Promise<string | null> {
  // A study's report is judged against the study's target.
  const { targetAccrual } = report.componentStudyId
    ? await tx.componentStudy.findUniqueOrThrow({ where: { id: report.componentStudyId }, select: { targetAccrual: true } })
    : await tx.trial.findUniqueOrThrow({ where: { id: trialId }, select: { targetAccrual: true } });
  const doubt = await accrualDoubt(tx, trialId, report, { target: targetAccrual, correcting });
  if (doubt && !confirmed) throw new ValidationError({ confirmed: `${doubt} Is the figure right?` });
  return doubt;
}

/**
 * Records accrual: the patients enrolled so far, overall or for one organization, country or component study.
 * Counts are cumulative. A keeper's drop, or a total far above the target, is recorded only when confirmed;
 * an organization reporting its own accrual cannot go below its earlier reports (the keepers correct those).
 */
export async function recordAccrual(actor: Actor | null, trialId: string, raw: unknown) {
  trialId = requireKey(trialId, "trial");
  // Who may report depends on the study the report is for: read that field alone before anything else is checked.
  const forStudy = ZAccrual.shape.componentStudyId.safeParse((raw as { componentStudyId?: unknown } | null)?.componentStudyId);
  const { reporter, trial, keeps, forOrganizationId, study } = await authorizeAccrualReport(
    actor,
    trialId,
    forStudy.success ? forStudy.data : null,
  );
  const parsed = ZAccrual.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  if (input.date > today()) throw new ValidationError({ date: "Accrual is reported for dates that have passed." });
  if (study && keeps && (input.organizationId || input.country))
    throw new ValidationError({
      componentStudyId: "A study's report counts the whole study: leave the organization and the country empty, or choose no study.",
    });
  // Someone reporting for their organization reports for it alone: the scope comes from who they are, not the form.
  const organizationId = keeps && !study ? input.organizationId : forOrganizationId;
  const country = keeps && !study && input.country ? knownCountry(input.country) : null;
  const componentStudyId = study?.id ?? null;
  await assertKnownOrganization(organizationId);
  return db.$transaction(async (tx) => {
    await lockTrial(tx, trialId);
    const report = { date: input.date, total: input.total, organizationId, country, componentStudyId };
    if (!keeps) {
      const conflict = await cumulativeConflict(tx, trialId, report);
      if (conflict)
        throw new ValidationError({ total: `${conflict} Ask the trial's keepers to correct an earlier report if it was wrong.` });
    }
    const doubt = await confirmAccrual(tx, trialId, report, input.confirmed);
    const row = await tx.accrualUpdate.create({ data: { trialId, ...report, source: input.source, recordedById: reporter.userId } });
    await trialAudit(tx, reporter.userId, trial.proposalId, "trial.accrual_recorded", {
      ...report,
      ...(keeps ? {} : { reportedFor: study ? `its study ${study.name}` : "own organization" }),
      ...(doubt ? { confirmed: doubt } : {}),
    });
    return row;
  });
}

async function accrualOfTrial(tx: Prisma.TransactionClient, trialId: string, accrualId: string) {
  const row = await tx.accrualUpdate.findFirst({ where: { id: accrualId, trialId } });
  if (!row) throw new AppError("NOT_FOUND", "No such accrual report on this trial: it may have been retracted a moment ago.");
  return row;
}

/** Corrects a report's date, count or source (a typo), with the reason kept in the audit trail. */
export async function correctAccrual(actor: Actor | null, trialId: string, accrualId: string, raw: unknown) {
  trialId = requireKey(trialId, "trial");
  accrualId = requireKey(accrualId, "accrual report");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const parsed = ZAccrualCorrection.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  if (input.date > today()) throw new ValidationError({ date: "Accrual is reported for dates that have passed." });
  return db.$transaction(async (tx) => {
    await lockTrial(tx, trialId);
    const before = await accrualOfTrial(tx, trialId, accrualId);
    const report = {
      date: input.date,
      total: input.total,
      organizationId: before.organizationId,
      country: before.country,
      componentStudyId: before.componentStudyId,
    };
    const doubt = await confirmAccrual(tx, trialId, report, input.confirmed, accrualId);
    const row = await tx.accrualUpdate.update({
      where: { id: accrualId },
      data: { date: input.date, total: input.total, source: input.source, demo: false, recordedById: keeper.userId },
    });
    await trialAudit(
      tx,
      keeper.userId,
      trial.proposalId,
      "trial.accrual_corrected",
      {
        id: accrualId,
        before: { date: before.date, total: before.total, source: before.source },
        after: { date: input.date, total: input.total, source: input.source },
        ...(doubt ? { confirmed: doubt } : {}),
      },
      input.reason,
    );
    return row;
  });
}

/** Retracts a report entered in error: it leaves the record, and the audit trail keeps what it said and why. */
export async function retractAccrual(actor: Actor | null, trialId: string, accrualId: string, rawReason: unknown) {
  trialId = requireKey(trialId, "trial");
  accrualId = requireKey(accrualId, "accrual report");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const reason = ZReason.safeParse(rawReason);
  if (!reason.success) throw new ValidationError({ reason: reason.error.issues[0]!.message });
  await db.$transaction(async (tx) => {
    await lockTrial(tx, trialId);
    const before = await accrualOfTrial(tx, trialId, accrualId);
    await tx.accrualUpdate.delete({ where: { id: accrualId } });
    await trialAudit(
      tx,
      keeper.userId,
      trial.proposalId,
      "trial.accrual_retracted",
      {
        id: accrualId,
        date: before.date,
        total: before.total,
        organizationId: before.organizationId,
        country: before.country,
        componentStudyId: before.componentStudyId,
        source: before.source,
      },
      reason.data,
    );
  });
}

export async function setMilestone(actor: Actor | null, trialId: string, raw: unknown) {
  trialId = requireKey(trialId, "trial");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const parsed = ZMilestone.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const { kind, planned, actual } = parsed.data;
  if (actual && actual > today()) throw new ValidationError({ actual: "An actual date cannot be in the future: use the planned date." });
  return db.$transaction(async (tx) => {
    const row = await tx.trialMilestone.upsert({
      where: { trialId_kind: { trialId, kind } },
      create: { trialId, kind, planned, actual },
      update: { planned, actual },
    });
    await trialAudit(tx, keeper.userId, trial.proposalId, "trial.milestone_set", { kind, planned, actual });
    return row;
  });
}

export async function addSite(actor: Actor | null, trialId: string, raw: unknown) {
  trialId = requireKey(trialId, "trial");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const parsed = ZSite.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const site = { ...parsed.data, country: knownCountry(parsed.data.country) };
  await assertKnownOrganization(site.organizationId);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.trialSite.create({ data: { trialId, ...site } });
      await trialAudit(tx, keeper.userId, trial.proposalId, "trial.site_added", { country: site.country, facility: site.facility });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ facility: "This site is already listed." });
    throw error;
  }
}

async function siteOfTrial(tx: Prisma.TransactionClient, trialId: string, siteId: string) {
  const row = await tx.trialSite.findFirst({ where: { id: siteId, trialId } });
  if (!row) throw new AppError("NOT_FOUND", "No such site on this trial: it may have been removed a moment ago.");
  return row;
}

/** Corrects a site's country, name, city or organization, with the reason kept in the audit trail. */
export async function correctSite(actor: Actor | null, trialId: string, siteId: string, raw: unknown) {
  trialId = requireKey(trialId, "trial");
  siteId = requireKey(siteId, "site");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const parsed = ZSiteCorrection.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const { reason, ...fields } = parsed.data;
  const site = { ...fields, country: knownCountry(fields.country) };
  await assertKnownOrganization(site.organizationId);
  try {
    return await db.$transaction(async (tx) => {
      const before = await siteOfTrial(tx, trialId, siteId);
      const row = await tx.trialSite.update({ where: { id: siteId }, data: site });
      await trialAudit(
        tx,
        keeper.userId,
        trial.proposalId,
        "trial.site_corrected",
        {
          id: siteId,
          before: { country: before.country, facility: before.facility, city: before.city, organizationId: before.organizationId },
          after: site,
        },
        reason,
      );
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ facility: "This site is already listed." });
    throw error;
  }
}

/** Removes a site listed in error (or one that never opened): the audit trail keeps what it was and why. */
export async function removeSite(actor: Actor | null, trialId: string, siteId: string, rawReason: unknown) {
  trialId = requireKey(trialId, "trial");
  siteId = requireKey(siteId, "site");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const reason = ZReason.safeParse(rawReason);
  if (!reason.success) throw new ValidationError({ reason: reason.error.issues[0]!.message });
  await db.$transaction(async (tx) => {
    const before = await siteOfTrial(tx, trialId, siteId);
    await tx.trialSite.delete({ where: { id: siteId } });
    await trialAudit(
      tx,
      keeper.userId,
      trial.proposalId,
      "trial.site_removed",
      {
        id: siteId,
        country: before.country,
        facility: before.facility,
        city: before.city,
      },
      reason.data,
    );
  });
}
