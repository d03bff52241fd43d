import "server-only";
// A ClinicalTrials.gov record read into the trial record: previewed as changes, then applied in one transaction.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/authz/policy";
import type { Prisma } from "@/lib/prisma-client";
import { requireKey } from "@/lib/validation";
import { parseStudyJson, type ImportedStudy } from "./ctgov";
import { countryCode } from "./countries";
import { ZSite, ZTrialDetails } from "./schema";
import { authorizeTrial } from "./access";
import { accrualProblem, lockTrial, trialAudit } from "./record";

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
