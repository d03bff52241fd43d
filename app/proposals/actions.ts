"use server";
// Thin wrappers: the signed-in actor, the form, the mutation in lib/, the answer for the form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/authz/actor";
import { failure, formString, type FormState } from "@/lib/form-state";
import { createProposal, recordInterest, saveProposal, transitionProposal } from "@/lib/proposals/mutations";
import { CONTENT_FIELDS } from "@/lib/proposals/schema";
import { TRANSITIONS, STATUS_LABEL, type ProposalEvent } from "@/lib/proposals/workflow";


export async function createProposalAction(_state: FormState, formData: FormData): Promise<FormState> {
  let id: string;
  try {
    const proposal = await createProposal(await currentActor(), {
      groupId: formString(formData, "groupId"),
      leadOrganizationId: formString(formData, "leadOrganizationId"),
      title: formString(formData, "title"),
    });
    id = proposal.id;
  } catch (error) {
    return failure(error, formData);
  }
  redirect(`/proposals/${id}/edit`);
}

export async function saveProposalAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    const content = Object.fromEntries(CONTENT_FIELDS.map((f) => [f, formString(formData, f)]));
    const saved = await saveProposal(await currentActor(), id, content, Number(formString(formData, "version")));
    revalidatePath(`/proposals/${id}`);
    return { ok: true, message: `Saved as revision ${saved.revision}.`, values: { ...content, version: String(saved.version) } };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function recordInterestAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    await recordInterest(await currentActor(), id, {
      level: formString(formData, "level"),
      expectedSites: formString(formData, "expectedSites"),
      expectedPatientsPerYear: formString(formData, "expectedPatientsPerYear"),
      note: formString(formData, "note"),
    });
    revalidatePath(`/proposals/${id}`);
    return { ok: true, message: "Your organization's interest is recorded." };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function transitionAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    const event = formString(formData, "event");
    const result = await transitionProposal(await currentActor(), id, event, formString(formData, "reason"));
    revalidatePath(`/proposals/${id}`);
    const label = TRANSITIONS[event as ProposalEvent].label;
    return { ok: true, message: `${label}: the proposal is now ${STATUS_LABEL[result.to].toLowerCase()}.` };
  } catch (error) {
    return failure(error, formData);
  }
}
