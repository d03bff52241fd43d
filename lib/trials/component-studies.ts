import "server-only";
// A trial's component studies (national studies under its umbrella): added, edited and removed by the trial's
// keepers (rule trial.keep, checked against the proposal the trial belongs to). Each change and its audit event
// in one transaction; the database settles the rest: a name is unique within its trial, an edit is guarded by the
// version the form was opened at, and a study with accrual reported cannot be removed (its reports would be lost
// or become the whole trial's).
import { db } from "@/lib/db";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import type { Actor } from "@/lib/authz/policy";
import type { Prisma } from "@/lib/prisma-client";
import { isUniqueViolation } from "@/lib/retry";
import { requireKey } from "@/lib/validation";
import { authorizeTrial } from "./access";
import { countryCode } from "./countries";
import { checkRegistryId } from "./registry";
import { trialAudit } from "./record";
import { ZComponentStudy, ZStudyVersion } from "./component-study-schema";

const DUPLICATE = "This trial already has a study of this name.";
const STALE =
  "Someone else changed this study after you opened the page. What you typed is still in the form: reload to see the study as it is now, then apply your changes again.";

/** "UK, France, JP" as ISO codes, each once; a name that is no country is refused on the field. */
export function studyCountries(typed: string): string[] {
  const codes: string[] = [];
  for (const part of typed.split(/[,;]/).map((p) => p.trim())) {
    if (!part) continue;
    const code = countryCode(part);
    if (!code)
      throw new ValidationError({
        countries: `"${part.slice(0, 40)}" is not a country: write names or two-letter codes, such as United Kingdom, JP.`,
      });
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

async function parse(raw: unknown) {
  const parsed = ZComponentStudy.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  const countries = studyCountries(input.countries);
  if (input.startDate && input.plannedAccrualEnd && input.plannedAccrualEnd < input.startDate)
    throw new ValidationError({ plannedAccrualEnd: "The planned end of accrual comes after the start." });
  if (input.leadOrganizationId && !(await db.organization.findUnique({ where: { id: input.leadOrganizationId }, select: { id: true } })))
    throw new ValidationError({ leadOrganizationId: "Choose an organization from the list." });
  return { ...input, countries };
}

/** The registry id typed with a new study, if any: checked before anything is written. */
function registryOfNewStudy(raw: unknown) {
  const r = raw as { registry?: unknown; registryValue?: unknown } | null;
  const value = typeof r?.registryValue === "string" ? r.registryValue.trim() : "";
  if (!value) return null;
  const check = checkRegistryId(typeof r?.registry === "string" ? r.registry : "", value);
  if (!check.ok) throw new ValidationError({ [check.field === "value" ? "registryValue" : "registry"]: check.message });
  return check;
}

export async function createComponentStudy(actor: Actor | null, trialId: string, raw: unknown) {
  trialId = requireKey(trialId, "trial");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const data = await parse(raw);
  const registry = registryOfNewStudy(raw);
  return db.$transaction(async (tx) => {
    const study = await tx.componentStudy
      .create({ data: { trialId, ...data, source: data.source || "Entered in the portal" } })
      .catch(refuseDuplicate({ name: DUPLICATE }));
    if (registry)
      await tx.trialRegistryId
        .create({ data: { trialId, registry: registry.registry, value: registry.value, componentStudyId: study.id } })
        .catch(refuseDuplicate({ registryValue: `${registry.value} is already recorded for a trial in the portal.` }));
    await trialAudit(tx, keeper.userId, trial.proposalId, "trial.study_added", {
      id: study.id,
      name: study.name,
      ...(registry ? { registry: registry.registry, value: registry.value } : {}),
    });
    return study;
  });
}

/** A unique key taken (by another study's name, or an id already recorded): a message on the field. */
const refuseDuplicate = (messages: Record<string, string>) => (error: unknown) => {
  if (isUniqueViolation(error)) throw new ValidationError(messages);
  throw error;
};

async function studyOfTrial(tx: Prisma.TransactionClient, trialId: string, studyId: string) {
  const row = await tx.componentStudy.findFirst({ where: { id: studyId, trialId } });
  if (!row) throw new AppError("NOT_FOUND", "No such study in this trial: it may have been removed a moment ago.");
  return row;
}

const snapshot = (s: Prisma.ComponentStudyGetPayload<object>) => ({
  name: s.name,
  shortName: s.shortName,
  sponsor: s.sponsor,
  leadOrganizationId: s.leadOrganizationId,
  countries: s.countries,
  targetAccrual: s.targetAccrual,
  overallStatus: s.overallStatus,
  startDate: s.startDate,
  plannedAccrualEnd: s.plannedAccrualEnd,
  source: s.source,
});

export async function updateComponentStudy(actor: Actor | null, trialId: string, studyId: string, raw: unknown) {
  trialId = requireKey(trialId, "trial");
  studyId = requireKey(studyId, "study");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  const version = ZStudyVersion.safeParse((raw as { version?: unknown } | null)?.version);
  if (!version.success) throw new ValidationError({ name: STALE });
  const data = await parse(raw);
  return db.$transaction(async (tx) => {
    const before = await studyOfTrial(tx, trialId, studyId);
    // A person's edit replaces what the seed filled in: it is no longer illustrative.
    const { count } = await tx.componentStudy
      .updateMany({
        where: { id: studyId, trialId, version: version.data },
        data: { ...data, source: data.source || before.source, illustrative: false, version: { increment: 1 } },
      })
      .catch(refuseDuplicate({ name: DUPLICATE }));
    if (count === 0) throw new ValidationError({ name: STALE });
    const after = await tx.componentStudy.findUniqueOrThrow({ where: { id: studyId } });
    await trialAudit(tx, keeper.userId, trial.proposalId, "trial.study_updated", {
      id: studyId,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Removes a study entered in error: its registry ids go back to the whole trial; a study with accrual reported stays. */
export async function removeComponentStudy(actor: Actor | null, trialId: string, studyId: string) {
  trialId = requireKey(trialId, "trial");
  studyId = requireKey(studyId, "study");
  const { keeper, trial } = await authorizeTrial(actor, trialId);
  await db.$transaction(async (tx) => {
    const before = await studyOfTrial(tx, trialId, studyId);
    const reports = await tx.accrualUpdate.count({ where: { componentStudyId: studyId } });
    if (reports > 0)
      throw new AppError(
        "CONFLICT",
        `${before.name} has ${reports} accrual report${reports === 1 ? "" : "s"}: retract them first (each on its own page), then remove the study.`,
      );
    // Its documents stay, as the whole trial's (as its registry ids do): no version is ever lost with a study.
    const documents = await tx.document.updateMany({
      where: { componentStudyId: studyId },
      data: { scope: "TRIAL", componentStudyId: null },
    });
    await tx.componentStudy.delete({ where: { id: studyId } });
    await trialAudit(tx, keeper.userId, trial.proposalId, "trial.study_removed", {
      id: studyId,
      ...snapshot(before),
      documentsMovedToTrial: documents.count,
    });
  });
}
