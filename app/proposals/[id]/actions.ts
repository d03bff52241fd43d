"use server";
// The proposal page's own forms: a partner's interest, the workflow's steps, following it.
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { setFollowing } from "@/lib/notifications";
import { recordInterest, transitionProposal } from "@/lib/proposals/mutations";
import { STATUS_PHRASE, TRANSITIONS, type ProposalEvent } from "@/lib/proposals/workflow";

export async function recordInterestAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    await recordInterest(await currentActor(), id, {
      level: formString(formData, "level"),
      expectedSites: formString(formData, "expectedSites"),
      expectedPatientsPerYear: formString(formData, "expectedPatientsPerYear"),
      note: formString(formData, "note"),
    });
    revalidatePath(`/proposals/${id}`);
    return "Your organization's interest is recorded.";
  });
}

export async function transitionAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const event = formString(formData, "event");
    const result = await transitionProposal(await currentActor(), id, event, formString(formData, "reason"));
    revalidatePath(`/proposals/${id}`);
    return `${TRANSITIONS[event as ProposalEvent].label}: the proposal is now ${STATUS_PHRASE[result.to]}.`;
  });
}

export async function followAction(proposalId: string, _s: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const follow = formString(formData, "follow") === "true";
    await setFollowing(await currentActor(), proposalId, follow);
    revalidatePath(`/proposals/${proposalId}`);
    return follow ? "You will hear about this proposal." : "You no longer follow this proposal.";
  });
}
