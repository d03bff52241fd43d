import "server-only";
// A ClinicalTrials.gov record read into the trial record: previewed as changes, then applied in one
// transaction that remembers what it replaced and added, so that the record's keepers can undo it.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/authz/policy";
import type { Prisma } from "@/lib/prisma-client";
import { requireKey } from "@/lib/validation";
import { parseStudyJson, type ImportedStudy } from "./ctgov";
import { countryCode } from "./countries";
import { ZSite, ZTrialDetails } from "./schema";
import { authorizeTrial } from "./access";
import { accrualDoubt, lockTrial, trialAudit } from "./record";
import { currentAccrual } from "./progress";
import { vocabularyLabel } from "@/lib/vocabulary";

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

/**
 * One line of the preview. "replace": the stored value gives way to the imported one (the stored
 * one is struck through); "add": the import adds to what is stored, which stays.
 */
export interface ImportChange {
  field: string;
  kind: "replace" | "add";
  stored: string;
  imported: string;
}

export interface ImportPreview {
  nctId: string;
  changes: ImportChange[];
  /** The trial is registered under other NCT numbers: applying needs an explicit confirmation. */
  otherTrial: { stored: string[] } | null;
}

const TRIAL_FIELDS = ["overallStatus", "phases", "targetAccrual", "startDate", "primaryCompletionDate", "leadSponsor"] as const;
type TrialField = (typeof TRIAL_FIELDS)[number];
const FIELD_LABEL: Record<TrialField, string> = {
  overallStatus: "Overall status",
  phases: "Phases",
  targetAccrual: "Target accrual",
  startDate: "Start date",
  primaryCompletionDate: "Primary completion date",
  leadSponsor: "Lead sponsor",
};

function show(field: TrialField, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "overallStatus") return vocabularyLabel(String(value));
  if (field === "phases") return (value as string[]).map(vocabularyLabel).join(", ") || "—";
  return String(value);
}

/** The fields a study sets, as the trial would store them. */
function importedFields(study: ImportedStudy): Partial<Record<TrialField, unknown>> {
  const fields: Partial<Record<TrialField, unknown>> = {};
  if (study.overallStatus) fields.overallStatus = study.overallStatus;
  if (study.phases) fields.phases = study.phases;
  if (study.targetAccrual !== undefined) fields.targetAccrual = study.targetAccrual;
  if (study.startDate) fields.startDate = study.startDate;
  if (study.primaryCompletionDate) fields.primaryCompletionDate = study.primaryCompletionDate;
  if (study.leadSponsor) fields.leadSponsor = study.leadSponsor;
  return fields;
}

/** Each site once: a record may list a facility twice in one country ("Site not named"), the trial keeps one. */
function distinctSites(study: ImportedStudy) {
  const seen = new Map<string, ImportedStudy["sites"][number]>();
  for (const s of study.sites) if (!seen.has(`${s.country}|${s.facility}`)) seen.set(`${s.country}|${s.facility}`, s);
  return [...seen.values()];
}

type Tx = Prisma.TransactionClient;

async function storedTrial(tx: Tx | typeof db, trialId: string) {
  return tx.trial.findUniqueOrThrow({
    where: { id: trialId },
    include: {
      registryIds: true,
      sites: { select: { country: true, facility: true } },
      accrual: { select: { date: true, total: true, organizationId: true, country: true } },
    },
  });
}

/** Refuses a record whose NCT number belongs to another trial in the portal: it is that trial's record. */
async function assertNotAnotherTrials(tx: Tx | typeof db, trialId: string, study: ImportedStudy) {
  const owner = await tx.trialRegistryId.findUnique({ where: { registry_value: { registry: "NCT", value: study.nctId } } });
  if (owner && owner.trialId !== trialId) {
    throw new AppError("CONFLICT", `${study.nctId} is the registry number of another trial in the portal: import it on that trial.`);
  }
}

function otherNctNumbers(stored: { registryIds: { registry: string; value: string }[] }, study: ImportedStudy): string[] | null {
  // The trial's own and its component studies' (BALLAD's Belgian study has its own), in a stable order.
  const numbers = stored.registryIds
    .filter((r) => r.registry === "NCT")
    .map((r) => r.value)
    .sort();
  return numbers.length > 0 && !numbers.includes(study.nctId) ? numbers : null;
}

/** What applying a study would change, next to what is stored. Nothing is written. */
export async function previewImport(actor: Actor | null, trialId: string, json: string): Promise<ImportPreview> {
  trialId = requireKey(trialId, "trial");
  await authorizeTrial(actor, trialId);
  const study = readStudy(json);
  const stored = await storedTrial(db, trialId);
  await assertNotAnotherTrials(db, trialId, study);
  const changes: ImportChange[] = [];
  const fields = importedFields(study);
  for (const field of TRIAL_FIELDS) {
    if (!(field in fields)) continue;
    const before = show(field, stored[field]);
    const after = show(field, fields[field]);
    if (before !== after) changes.push({ field: FIELD_LABEL[field], kind: "replace", stored: before, imported: after });
  }
  const knownIds = new Set(stored.registryIds.map((r) => `${r.registry}:${r.value}`));
  const newIds = study.registryIds.filter((r) => !knownIds.has(`${r.registry}:${r.value}`));
  if (newIds.length)
    changes.push({
      field: "Registry ids",
      kind: "add",
      stored: stored.registryIds.map((r) => r.value).join(", ") || "none",
      imported: `adds ${newIds.map((r) => r.value).join(", ")}`,
    });
  const knownSites = new Set(stored.sites.map((s) => `${s.country}|${s.facility}`));
  const newSites = distinctSites(study).filter((s) => !knownSites.has(`${s.country}|${s.facility}`));
  if (newSites.length) {
    const countries = new Set(newSites.map((s) => s.country)).size;
    changes.push({
      field: "Sites",
      kind: "add",
      stored: `${stored.sites.length} listed`,
      imported: `adds ${newSites.length} ${newSites.length === 1 ? "site" : "sites"} in ${countries} ${countries === 1 ? "country" : "countries"}`,
    });
  }
  if (study.actualAccrual !== undefined) {
    const now = currentAccrual(stored.accrual);
    changes.push({
      field: "Accrual",
      kind: "add",
      stored: now === null ? "none reported" : `${now} ${now === 1 ? "patient" : "patients"}`,
      imported: `records ${study.actualAccrual} patients (actual enrollment) as of ${study.actualAccrualAsOf ? `${study.actualAccrualAsOf}, the record's last update` : "today (the record gives no date)"}`,
    });
  }
  const other = otherNctNumbers(stored, study);
  return { nctId: study.nctId, changes, otherTrial: other ? { stored: other } : null };
}

export interface ImportResult {
  proposalId: string;
  importId: string;
  sitesAdded: number;
  skipped: string[];
  accrualNotRecorded: string | null;
}

/**
 * Applies a study: what it says replaces what is stored; what it leaves out stays as it is. A study
 * whose NCT number differs from the trial's is applied only when `confirmNctId` names it.
 */
export async function applyImport(
  actor: Actor | null,
  trialId: string,
  json: string,
  options: { confirmNctId?: string | null } = {},
): Promise<ImportResult> {
  trialId = requireKey(trialId, "trial");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const study = readStudy(json);
  const today = new Date().toISOString().slice(0, 10);
  return db.$transaction(async (tx) => {
    await lockTrial(tx, trialId);
    const stored = await storedTrial(tx, trialId);
    await assertNotAnotherTrials(tx, trialId, study);
    const other = otherNctNumbers(stored, study);
    if (other && options.confirmNctId !== study.nctId) {
      throw new AppError(
        "CONFLICT",
        `This record is ${study.nctId}, and this trial is registered as ${other.join(", ")}. Nothing was changed: confirm that the record is this trial's to apply it.`,
      );
    }
    const fields = importedFields(study);
    const replaced: Record<string, unknown> = { importedAt: stored.importedAt?.toISOString() ?? null };
    for (const field of Object.keys(fields) as TrialField[]) replaced[field] = stored[field];
    await tx.trial.update({ where: { id: trialId }, data: { ...(fields as Prisma.TrialUpdateInput), importedAt: new Date() } });
    const skipped: string[] = [];
    const addedRegistryIdIds: string[] = [];
    for (const id of study.registryIds) {
      const owner = await tx.trialRegistryId.findUnique({ where: { registry_value: { registry: id.registry, value: id.value } } });
      if (!owner)
        addedRegistryIdIds.push((await tx.trialRegistryId.create({ data: { trialId, registry: id.registry, value: id.value } })).id);
      else if (owner.trialId !== trialId) skipped.push(id.value);
    }
    const sites = await tx.trialSite.createManyAndReturn({
      data: distinctSites(study).map((s) => ({ trialId, country: s.country, facility: s.facility, city: s.city, status: s.status })),
      skipDuplicates: true,
      select: { id: true },
    });
    let accrualNotRecorded: string | null = null;
    let addedAccrualId: string | null = null;
    if (study.actualAccrual !== undefined) {
      // Dated by the record itself: an old record imported today must not look like today's accrual.
      const report = { date: study.actualAccrualAsOf ?? today, total: study.actualAccrual, organizationId: null, country: null };
      const already = await tx.accrualUpdate.findFirst({ where: { trialId, ...report } });
      const target = fields.targetAccrual !== undefined ? (fields.targetAccrual as number) : stored.targetAccrual;
      accrualNotRecorded = already ? null : await accrualDoubt(tx, trialId, report, { target });
      if (!already && !accrualNotRecorded) {
        const row = await tx.accrualUpdate.create({
          data: {
            ...report,
            trialId,
            source: `ClinicalTrials.gov ${study.nctId}, actual enrollment as of ${report.date}, imported ${today}`,
            recordedById: keeper.userId,
          },
        });
        addedAccrualId = row.id;
      }
    }
    const record = await tx.trialImport.create({
      data: {
        trialId,
        nctId: study.nctId,
        appliedById: keeper.userId,
        replaced: replaced as Prisma.InputJsonValue,
        addedSiteIds: sites.map((s) => s.id),
        addedRegistryIdIds,
        addedAccrualId,
      },
    });
    await trialAudit(tx, keeper.userId, trial.proposalId, "trial.imported", {
      importId: record.id,
      nctId: study.nctId,
      ...(other ? { confirmedAgainst: other } : {}),
      fieldsReplaced: Object.keys(fields),
      sitesAdded: sites.length,
      registryIdsAdded: addedRegistryIdIds.length,
      registryIdsSkipped: skipped,
      accrualRecorded: addedAccrualId !== null,
    });
    return { proposalId: trial.proposalId, importId: record.id, sitesAdded: sites.length, skipped, accrualNotRecorded };
  });
}

/**
 * Undoes an import as one event: the fields it replaced get their earlier values back, and the sites,
 * registry ids and accrual report it added leave the record (those already removed by hand stay
 * removed). Only a trial's latest import that is not undone can be undone, so that no later import's
 * values are overwritten; a second undo of the same import is refused by the guarded update.
 */
export async function undoImport(actor: Actor | null, trialId: string, importId: string) {
  trialId = requireKey(trialId, "trial");
  importId = requireKey(importId, "import");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  return db.$transaction(async (tx) => {
    await lockTrial(tx, trialId);
    const latest = await tx.trialImport.findFirst({ where: { trialId, undoneAt: null }, orderBy: { appliedAt: "desc" } });
    const record = await tx.trialImport.findFirst({ where: { id: importId, trialId } });
    if (!record) throw new AppError("NOT_FOUND", "No such import on this trial.");
    if (record.undoneAt) throw new AppError("CONFLICT", "This import was already undone.");
    if (latest && latest.id !== record.id) {
      throw new AppError("CONFLICT", `A later import (${latest.nctId}) changed the record since: undo that one first.`);
    }
    const { count } = await tx.trialImport.updateMany({
      where: { id: record.id, undoneAt: null },
      data: { undoneAt: new Date(), undoneById: keeper.userId },
    });
    if (count === 0) throw new AppError("CONFLICT", "This import was already undone.");
    const { importedAt, ...fields } = record.replaced as Record<string, unknown>;
    await tx.trial.update({
      where: { id: trialId },
      data: { ...(fields as Prisma.TrialUpdateInput), importedAt: typeof importedAt === "string" ? new Date(importedAt) : null },
    });
    const sites = await tx.trialSite.deleteMany({ where: { trialId, id: { in: record.addedSiteIds } } });
    const ids = await tx.trialRegistryId.deleteMany({ where: { trialId, id: { in: record.addedRegistryIdIds } } });
    const accrual = record.addedAccrualId
      ? await tx.accrualUpdate.deleteMany({ where: { trialId, id: record.addedAccrualId } })
      : { count: 0 };
    await trialAudit(tx, keeper.userId, trial.proposalId, "trial.import_undone", {
      importId: record.id,
      nctId: record.nctId,
      fieldsRestored: Object.keys(fields),
      sitesRemoved: sites.count,
      registryIdsRemoved: ids.count,
      accrualRemoved: accrual.count,
    });
    return { proposalId: trial.proposalId, nctId: record.nctId, sitesRemoved: sites.count };
  });
}

/** What the person reads after an import. */
export function importedMessage(result: { sitesAdded: number; skipped: string[]; accrualNotRecorded: string | null }): string {
  const skipped = result.skipped.length ? ` Not added, already used by another trial: ${result.skipped.join(", ")}.` : "";
  const accrual = result.accrualNotRecorded
    ? ` The enrollment was not recorded as accrual: ${result.accrualNotRecorded} Record it by hand on the trial's page if it is right.`
    : "";
  return `Imported: ${result.sitesAdded} ${result.sitesAdded === 1 ? "site" : "sites"} added.${skipped}${accrual} It can be undone on the trial's page.`;
}
