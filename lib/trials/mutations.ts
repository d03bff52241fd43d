import "server-only";
import { db } from "@/lib/db";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { audit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/retry";
import type { Prisma } from "@/lib/prisma-client";
import { parseStudyJson, type ImportedStudy } from "./ctgov";
import { countryCode } from "./countries";
import { checkRegistryId } from "./registry";
import { endOfPartialDate } from "./progress";
import { ZAccrual, ZMilestone, ZSite, ZTrialDetails } from "./schema";
import { requireKey } from "@/lib/validation";
import { assertAllowed } from "@/lib/authz/rules";

/** A trial is followed from planning on. */
export const TRIAL_STATUSES = ["PLANNING", "UNDERWAY", "COMPLETED", "CLOSED_EARLY"] as const;

/** The lead organization's representative, the group's chairs and the secretariat keep the trial record. */
async function authorizeProposal(actor: Actor, proposalId: string) {
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true,
      status: true,
      leadOrganizationId: true,
      authors: { select: { userId: true } },
      group: { select: { members: { where: { role: "CHAIR" }, select: { userId: true } } } },
      trial: { select: { id: true } },
    },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  assertAllowed(actor, "trial.keep", {
    authorIds: proposal.authors.map((a) => a.userId),
    leadOrganizationId: proposal.leadOrganizationId,
    chairIds: proposal.group.members.map((m) => m.userId),
  });
  return proposal;
}

async function authorizeTrial(actor: Actor | null, trialId: string) {
  assertCan(actor, "proposal.view");
  const trial = await db.trial.findUnique({ where: { id: trialId }, select: { id: true, proposalId: true } });
  if (!trial) throw new AppError("NOT_FOUND", "No such trial.");
  await authorizeProposal(actor, trial.proposalId);
  // The keeper, narrowed: whoever passed the checks above is signed in.
  return { keeper: actor, trial };
}

/** Refuses anyone who does not keep this trial's record (for work done before any write). */
export async function assertKeepsTrial(actor: Actor | null, trialId: string): Promise<void> {
  trialId = requireKey(trialId, "trial");
  await authorizeTrial(actor, trialId);
}

/** Serializes accrual reports of one trial, so the cumulative check sees every earlier report. */
async function lockTrial(tx: Prisma.TransactionClient, trialId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Trial" WHERE "id" = ${trialId} FOR UPDATE`;
}

/**
 * Accrual is cumulative: a report may not be below an earlier one nor above a later one of the
 * same scope (overall, one organization or one country). Partial dates count as of their end.
 */
async function accrualProblem(
  tx: Prisma.TransactionClient,
  trialId: string,
  report: { date: string; total: number; organizationId: string | null; country: string | null },
): Promise<string | null> {
  const others = await tx.accrualUpdate.findMany({
    where: { trialId, organizationId: report.organizationId, country: report.country, date: { not: null } },
    select: { date: true, total: true },
    take: 1000,
  });
  const when = endOfPartialDate(report.date).getTime();
  for (const o of others) {
    const at = endOfPartialDate(o.date!).getTime();
    if (at <= when && o.total > report.total)
      return `Accrual is cumulative: ${o.total} patients were reported on ${o.date}, so a later total cannot be ${report.total}.`;
    if (at > when && o.total < report.total)
      return `Accrual is cumulative: ${o.total} patients were reported on ${o.date}, so an earlier total cannot be ${report.total}.`;
  }
  return null;
}

function trialAudit(tx: Prisma.TransactionClient, actorId: string, proposalId: string, action: string, data?: Prisma.InputJsonValue) {
  return audit(tx, { actorId, action, entityType: "proposal", entityId: proposalId, data });
}

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

export interface ImportChange {
  field: string;
  stored: string;
  imported: string;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return Array.isArray(value) ? value.join(", ") || "—" : String(value);
}

/** What applying a study would change, next to what is stored. Nothing is written. */
/**
 * A study read from ClinicalTrials.gov, held to the rules the trial's forms enforce (one set of
 * rules for both roads in): the same field schemas, so nothing an import writes could not be typed.
 */
function readStudy(json: string): ImportedStudy {
  const result = parseStudyJson(json);
  if (!result.ok) throw new AppError("INVALID", result.errors.join(" "));
  const study = result.study;
  const problems: string[] = [];
  const check = (
    label: string,
    schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
    value: unknown,
  ) => {
    const r = schema.safeParse(value);
    if (!r.success) problems.push(`${label}: ${r.error!.issues[0]!.message}`);
  };
  if (study.overallStatus !== undefined) check("Overall status", ZTrialDetails.shape.overallStatus, study.overallStatus);
  if (study.phases !== undefined) check("Phases", ZTrialDetails.shape.phases, study.phases);
  if (study.leadSponsor !== undefined) check("Lead sponsor", ZTrialDetails.shape.leadSponsor, study.leadSponsor);
  if (study.startDate !== undefined) check("Start date", ZTrialDetails.shape.startDate, study.startDate);
  if (study.primaryCompletionDate !== undefined)
    check("Primary completion date", ZTrialDetails.shape.primaryCompletionDate, study.primaryCompletionDate);
  if (study.targetAccrual !== undefined) check("Target accrual", ZTrialDetails.shape.targetAccrual, study.targetAccrual);
  study.sites.forEach((site, i) => {
    check(`Site ${i + 1} facility`, ZSite.shape.facility, site.facility);
    check(`Site ${i + 1} city`, ZSite.shape.city, site.city ?? "");
    if (!countryCode(site.country))
      problems.push(`Site ${i + 1} (${site.facility.slice(0, 60)}): "${site.country.slice(0, 60)}" is not a country the portal knows.`);
  });
  if (problems.length)
    throw new AppError(
      "INVALID",
      `This record does not fit the trial's fields: ${problems.slice(0, 5).join(" ")}${problems.length > 5 ? ` And ${problems.length - 5} more.` : ""}`,
    );
  return study;
}

export async function previewImport(actor: Actor | null, trialId: string, json: string) {
  trialId = requireKey(trialId, "trial");
  await authorizeTrial(actor, trialId);
  const study = readStudy(json);
  const stored = await db.trial.findUniqueOrThrow({
    where: { id: trialId },
    include: { registryIds: true, sites: { select: { country: true, facility: true } } },
  });
  const changes: ImportChange[] = [];
  const compare = (field: string, storedValue: unknown, importedValue: unknown) => {
    if (importedValue === undefined) return;
    if (show(storedValue) !== show(importedValue)) changes.push({ field, stored: show(storedValue), imported: show(importedValue) });
  };
  compare("Overall status", stored.overallStatus, study.overallStatus);
  compare("Phases", stored.phases, study.phases);
  compare("Target accrual", stored.targetAccrual, study.targetAccrual);
  compare("Start date", stored.startDate, study.startDate);
  compare("Primary completion date", stored.primaryCompletionDate, study.primaryCompletionDate);
  compare("Lead sponsor", stored.leadSponsor, study.leadSponsor);
  const knownIds = new Set(stored.registryIds.map((r) => `${r.registry}:${r.value}`));
  const newIds = study.registryIds.filter((r) => !knownIds.has(`${r.registry}:${r.value}`));
  if (newIds.length)
    changes.push({
      field: "Registry ids",
      stored: show(stored.registryIds.map((r) => r.value)),
      imported: `adds ${newIds.map((r) => r.value).join(", ")}`,
    });
  const knownSites = new Set(stored.sites.map((s) => `${s.country}|${s.facility}`));
  const newSites = study.sites.filter((s) => !knownSites.has(`${s.country}|${s.facility}`));
  if (newSites.length)
    changes.push({
      field: "Sites",
      stored: `${stored.sites.length} listed`,
      imported: `adds ${newSites.length} in ${[...new Set(newSites.map((s) => s.country))].join(", ")}`,
    });
  if (study.actualAccrual !== undefined)
    changes.push({ field: "Accrual", stored: "—", imported: `records ${study.actualAccrual} patients (actual enrollment)` });
  return { study, changes };
}

/** Applies a study: what it says replaces what is stored; what it leaves out stays as it is. */
export async function applyImport(actor: Actor | null, trialId: string, json: string) {
  trialId = requireKey(trialId, "trial");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const study = readStudy(json);
  const today = new Date().toISOString().slice(0, 10);
  return db.$transaction(async (tx) => {
    const data: Prisma.TrialUpdateInput = { importedAt: new Date() };
    if (study.overallStatus) data.overallStatus = study.overallStatus;
    if (study.phases) data.phases = study.phases;
    if (study.targetAccrual !== undefined) data.targetAccrual = study.targetAccrual;
    if (study.startDate) data.startDate = study.startDate;
    if (study.primaryCompletionDate) data.primaryCompletionDate = study.primaryCompletionDate;
    if (study.leadSponsor) data.leadSponsor = study.leadSponsor;
    await tx.trial.update({ where: { id: trialId }, data });
    const skipped: string[] = [];
    for (const id of study.registryIds) {
      const owner = await tx.trialRegistryId.findUnique({ where: { registry_value: { registry: id.registry, value: id.value } } });
      if (!owner) await tx.trialRegistryId.create({ data: { trialId, registry: id.registry, value: id.value } });
      else if (owner.trialId !== trialId) skipped.push(id.value);
    }
    const sites = await tx.trialSite.createMany({
      data: study.sites.map((s) => ({ trialId, country: s.country, facility: s.facility, city: s.city, status: s.status })),
      skipDuplicates: true,
    });
    let accrual: string | null = null;
    if (study.actualAccrual !== undefined) {
      await lockTrial(tx, trialId);
      const report = { date: today, total: study.actualAccrual, organizationId: null, country: null };
      const already = await tx.accrualUpdate.findFirst({
        where: { trialId, date: today, total: study.actualAccrual, organizationId: null, country: null },
      });
      accrual = already ? null : await accrualProblem(tx, trialId, report);
      if (!already && !accrual) {
        await tx.accrualUpdate.create({
          data: {
            ...report,
            trialId,
            source: `ClinicalTrials.gov ${study.nctId}, actual enrollment, imported ${today}`,
            recordedById: keeper.userId,
          },
        });
      }
    }
    await trialAudit(tx, keeper.userId, trial.proposalId, "trial.imported", {
      nctId: study.nctId,
      sitesAdded: sites.count,
      registryIdsSkipped: skipped,
    });
    return { proposalId: trial.proposalId, sitesAdded: sites.count, skipped, accrualNotRecorded: accrual };
  });
}

/** What the person reads after an import. */
export function importedMessage(result: { sitesAdded: number; skipped: string[]; accrualNotRecorded: string | null }): string {
  const skipped = result.skipped.length ? ` Not added, already used by another trial: ${result.skipped.join(", ")}.` : "";
  const accrual = result.accrualNotRecorded ? ` The enrollment was not recorded as accrual: ${result.accrualNotRecorded}` : "";
  return `Imported: ${result.sitesAdded} sites added.${skipped}${accrual}`;
}
