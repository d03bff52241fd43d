"use server";
import { revalidatePath } from "next/cache";
import { currentActor, currentActorKeptForPage } from "@/lib/authz/actor";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { formatDateTime } from "@/lib/time";
import { requireKey } from "@/lib/validation";
import { castBallot, closeVoteEarly, openVote } from "@/lib/votes/mutations";

// The proposal's id is bound to the ballot and close forms only to name the page to refresh: it
// comes back from the browser, so it is checked before anything is written.
const page = (proposalId: string) => `/proposals/${requireKey(proposalId, "proposal")}`;

export async function openVoteAction(proposalId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const vote = await openVote(await currentActor(), proposalId, {
      closesAt: formString(formData, "closesAt"),
      closes: formString(formData, "closes"),
      zone: formString(formData, "zone"),
      quorum: formString(formData, "quorum"),
      passRule: formString(formData, "passRule"),
      documentVersionIds: formData.getAll("documentVersionIds"),
    });
    revalidatePath(page(proposalId));
    return `The vote is open until ${formatDateTime(vote.closesAt, formString(formData, "zone") || "UTC")}.`;
  });
}

export async function castBallotAction(proposalId: string, voteId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const path = page(proposalId);
    await castBallot(await currentActorKeptForPage(), voteId, {
      choice: formString(formData, "choice"),
      rationale: formString(formData, "rationale"),
    });
    revalidatePath(path);
    return "Your organization's ballot is recorded. You can change it until the vote closes.";
  });
}

export async function closeVoteEarlyAction(proposalId: string, voteId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const path = page(proposalId);
    await closeVoteEarly(await currentActor(), voteId, formString(formData, "reason"));
    revalidatePath(path);
    return "The vote is closed.";
  });
}
