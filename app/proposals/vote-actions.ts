"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { requireKey } from "@/lib/validation";
import { failure, formString, type FormState } from "@/lib/form-state";
import { castBallot, closeVoteEarly, openVote } from "@/lib/votes/mutations";
import { formatDateTime } from "@/lib/time";


export async function openVoteAction(proposalId: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    const vote = await openVote(await currentActor(), proposalId, {
      closesAt: formString(formData, "closesAt"),
      quorum: formString(formData, "quorum"),
      passRule: formString(formData, "passRule"),
    });
    revalidatePath(`/proposals/${proposalId}`);
    return { ok: true, message: `The vote is open until ${formatDateTime(vote.closesAt, "UTC")}.` };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function castBallotAction(proposalId: string, voteId: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    proposalId = requireKey(proposalId, "proposal");
    await castBallot(await currentActor(), voteId, { choice: formString(formData, "choice"), rationale: formString(formData, "rationale") });
    revalidatePath(`/proposals/${proposalId}`);
    return { ok: true, message: "Your organization's ballot is recorded. You can change it until the vote closes." };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function closeVoteEarlyAction(proposalId: string, voteId: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    proposalId = requireKey(proposalId, "proposal");
    await closeVoteEarly(await currentActor(), voteId, formString(formData, "reason"));
    revalidatePath(`/proposals/${proposalId}`);
    return { ok: true, message: "The vote is closed." };
  } catch (error) {
    return failure(error, formData);
  }
}
