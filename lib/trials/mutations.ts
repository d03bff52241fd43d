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
import { ZAccrual, ZMilestone, ZSite, ZTrialDetails } from "./schema";
import { authorizeProposal, authorizeTrial } from "./access";
import { accrualProblem, lockTrial, trialAudit } from "./record";
import { TRIAL_STATUSES } from "@/lib/proposals/workflow";

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
  return db.$transaction(async (tx) => {
    const updated = await tx.trial.update({ where: { id: trialId }, data: parsed.data });
    await trialAudit(tx, keeper.userId, trial.proposalId, "trial.updated", {
      overallStatus: parsed.data.overallStatus,
      targetAccrual: parsed.data.targetAccrual,
    });
    return updated;
  });
}

export async function addRegistryId(actor: Actor | null, trialId: string, registry: string, value: string) {
  trialId = requireKey(trialId, "trial");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const check = checkRegistryId(registry, value);
  if (!check.ok) throw new ValidationError({ [check.field]: check.message });
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.trialRegistryId.create({ data: { trialId, registry: check.registry, value: check.value } });
      await trialAudit(tx, keeper.userId, trial.proposalId, "trial.registry_added", { registry: check.registry, value: check.value });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ value: `${check.value} is already recorded for a trial in the portal.` });
    throw error;
  }
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

/**
 * Records accrual: the patients enrolled so far, overall or for one organization or country.
 * Counts are cumulative, so a total below an earlier report for the same scope is refused.
 */
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

export async function recordAccrual(actor: Actor | null, trialId: string, raw: unknown) {
  trialId = requireKey(trialId, "trial");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const parsed = ZAccrual.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  if (input.date > new Date().toISOString().slice(0, 10))
    throw new ValidationError({ date: "Accrual is reported for dates that have passed." });
  const country = input.country ? knownCountry(input.country) : null;
  await assertKnownOrganization(input.organizationId);
  return db.$transaction(async (tx) => {
    await lockTrial(tx, trialId);
    const problem = await accrualProblem(tx, trialId, {
      date: input.date,
      total: input.total,
      organizationId: input.organizationId,
      country,
    });
    if (problem) throw new ValidationError({ total: problem });
    const row = await tx.accrualUpdate.create({
      data: {
        trialId,
        date: input.date,
        total: input.total,
        organizationId: input.organizationId,
        country,
        source: input.source,
        recordedById: keeper.userId,
      },
    });
    await trialAudit(tx, keeper.userId, trial.proposalId, "trial.accrual_recorded", {
      date: input.date,
      total: input.total,
      organizationId: input.organizationId,
      country,
    });
    return row;
  });
}

export async function setMilestone(actor: Actor | null, trialId: string, raw: unknown) {
  trialId = requireKey(trialId, "trial");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const parsed = ZMilestone.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const { kind, planned, actual } = parsed.data;
  if (actual && actual > new Date().toISOString().slice(0, 10))
    throw new ValidationError({ actual: "An actual date cannot be in the future: use the planned date." });
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
