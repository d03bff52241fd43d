"use server";
// The component studies' forms: a study added, edited or removed by the trial's keepers. Thin: the rules are in
// lib/trials/component-studies.ts.
import { currentActor } from "@/lib/authz/actor";
import { formString, type FormState } from "@/lib/form-state";
import { createComponentStudy, removeComponentStudy, updateComponentStudy } from "@/lib/trials/component-studies";
import { STUDY_FIELDS } from "@/lib/trials/component-study-schema";
import { onTrialPage } from "./on-trial-page";

const studyInput = (formData: FormData) => Object.fromEntries(STUDY_FIELDS.map((f) => [f, formString(formData, f)]));

export async function createComponentStudyAction(proposalId: string, trialId: string, _s: FormState, formData: FormData) {
  return onTrialPage(
    proposalId,
    formData,
    async () =>
      createComponentStudy(await currentActor(), trialId, {
        ...studyInput(formData),
        registry: formString(formData, "registry"),
        registryValue: formString(formData, "registryValue"),
      }),
    "Study added.",
  );
}

export async function updateComponentStudyAction(proposalId: string, trialId: string, studyId: string, _s: FormState, formData: FormData) {
  return onTrialPage(
    proposalId,
    formData,
    async () =>
      updateComponentStudy(await currentActor(), trialId, studyId, { ...studyInput(formData), version: formString(formData, "version") }),
    "Study saved.",
  );
}

export async function removeComponentStudyAction(proposalId: string, trialId: string, studyId: string, _s: FormState, formData: FormData) {
  return onTrialPage(proposalId, formData, async () => removeComponentStudy(await currentActor(), trialId, studyId), "Study removed.");
}
