"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/authz/actor";
import { attempt, formString, type FormState } from "@/lib/form-state";
import {
  addRegistryId,
  addSite,
  attachRegistryId,
  correctAccrual,
  correctSite,
  createTrial,
  recordAccrual,
  removeRegistryId,
  removeSite,
  retractAccrual,
  setMilestone,
  updateTrial,
} from "@/lib/trials/mutations";
import { undoImport } from "@/lib/trials/import";
import { onTrialPage } from "./on-trial-page";
import { requireKey } from "@/lib/validation";

// The trial page's forms: thin, the rules are in lib/trials/.

export async function createTrialAction(proposalId: string, _s: FormState, formData: FormData) {
  return onTrialPage(proposalId, formData, async () => createTrial(await currentActor(), proposalId), "The trial record is created.");
}

export async function updateTrialAction(proposalId: string, trialId: string, _s: FormState, formData: FormData) {
  return onTrialPage(
    proposalId,
    formData,
    async () =>
      updateTrial(await currentActor(), trialId, {
        overallStatus: formString(formData, "overallStatus"),
        phases: formData.getAll("phases").map(String),
        targetAccrual: formString(formData, "targetAccrual"),
        startDate: formString(formData, "startDate"),
        primaryCompletionDate: formString(formData, "primaryCompletionDate"),
        leadSponsor: formString(formData, "leadSponsor"),
        closeReason: formString(formData, "closeReason"),
      }),
    "Trial details saved.",
  );
}

export async function addRegistryIdAction(proposalId: string, trialId: string, _s: FormState, formData: FormData) {
  return onTrialPage(
    proposalId,
    formData,
    async () =>
      addRegistryId(
        await currentActor(),
        trialId,
        formString(formData, "registry"),
        formString(formData, "value"),
        formString(formData, "componentStudyId"),
      ),
    "Registry id added.",
  );
}

export async function attachRegistryIdAction(proposalId: string, trialId: string, _s: FormState, formData: FormData) {
  return onTrialPage(
    proposalId,
    formData,
    async () => attachRegistryId(await currentActor(), trialId, formString(formData, "id"), formString(formData, "componentStudyId")),
    "The id now belongs to the study chosen.",
  );
}

export async function removeRegistryIdAction(proposalId: string, trialId: string, _s: FormState, formData: FormData) {
  return onTrialPage(
    proposalId,
    formData,
    async () => removeRegistryId(await currentActor(), trialId, formString(formData, "id")),
    "Registry id removed.",
  );
}

export async function recordAccrualAction(proposalId: string, trialId: string, _s: FormState, formData: FormData) {
  return onTrialPage(
    proposalId,
    formData,
    async () =>
      recordAccrual(await currentActor(), trialId, {
        date: formString(formData, "date"),
        total: formString(formData, "total"),
        organizationId: formString(formData, "organizationId"),
        country: formString(formData, "country"),
        componentStudyId: formString(formData, "componentStudyId"),
        source: formString(formData, "source"),
        confirmed: formString(formData, "confirmed"),
      }),
    "Accrual recorded.",
  );
}

export async function setMilestoneAction(proposalId: string, trialId: string, _s: FormState, formData: FormData) {
  return onTrialPage(
    proposalId,
    formData,
    async () =>
      setMilestone(await currentActor(), trialId, {
        kind: formString(formData, "kind"),
        planned: formString(formData, "planned"),
        actual: formString(formData, "actual"),
      }),
    "Milestone saved.",
  );
}

export async function addSiteAction(proposalId: string, trialId: string, _s: FormState, formData: FormData) {
  return onTrialPage(
    proposalId,
    formData,
    async () =>
      addSite(await currentActor(), trialId, {
        country: formString(formData, "country"),
        facility: formString(formData, "facility"),
        city: formString(formData, "city"),
        organizationId: formString(formData, "organizationId"),
      }),
    "Site added.",
  );
}

export async function correctAccrualAction(proposalId: string, trialId: string, accrualId: string, _s: FormState, formData: FormData) {
  return onTrialPage(
    proposalId,
    formData,
    async () =>
      correctAccrual(await currentActor(), trialId, accrualId, {
        date: formString(formData, "date"),
        total: formString(formData, "total"),
        source: formString(formData, "source"),
        reason: formString(formData, "reason"),
        confirmed: formString(formData, "confirmed"),
      }),
    "Accrual report corrected.",
  );
}

/** Retracting or removing an entry leaves its page: the trial's page is where the person goes on. */
async function thenBackToTrial(proposalId: string, formData: FormData, work: () => Promise<unknown>): Promise<FormState> {
  const done = await attempt(formData, async () => {
    const path = `/proposals/${requireKey(proposalId, "proposal")}/trial`;
    await work();
    revalidatePath(path);
    return path;
  });
  if (!done.ok) return done.state;
  redirect(done.value);
}

export async function retractAccrualAction(proposalId: string, trialId: string, accrualId: string, _s: FormState, formData: FormData) {
  return thenBackToTrial(proposalId, formData, async () =>
    retractAccrual(await currentActor(), trialId, accrualId, formString(formData, "reason")),
  );
}

export async function correctSiteAction(proposalId: string, trialId: string, siteId: string, _s: FormState, formData: FormData) {
  return onTrialPage(
    proposalId,
    formData,
    async () =>
      correctSite(await currentActor(), trialId, siteId, {
        country: formString(formData, "country"),
        facility: formString(formData, "facility"),
        city: formString(formData, "city"),
        organizationId: formString(formData, "organizationId"),
        reason: formString(formData, "reason"),
      }),
    "Site corrected.",
  );
}

export async function removeSiteAction(proposalId: string, trialId: string, siteId: string, _s: FormState, formData: FormData) {
  return thenBackToTrial(proposalId, formData, async () =>
    removeSite(await currentActor(), trialId, siteId, formString(formData, "reason")),
  );
}

export async function undoImportAction(proposalId: string, trialId: string, _s: FormState, formData: FormData) {
  return onTrialPage(
    proposalId,
    formData,
    async () => undoImport(await currentActor(), trialId, formString(formData, "importId")),
    "The import is undone: the record is as it was before it.",
  );
}
