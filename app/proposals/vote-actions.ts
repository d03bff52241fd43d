"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { failure, type FormState } from "@/lib/form-state";
import { castBallot, closeVoteEarly, openVote } from "@/lib/votes/mutations";
import { formatDateTime } from "@/lib/time";

const str = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export async function openVoteAction(proposalId: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    const vote = await openVote(await currentActor(), proposalId, {
      closesAt: str(formData, "closesAt"),
      quorum: str(formData, "quorum"),
      passRule: str(formData, "passRule"),
    });
    revalidatePath(`/proposals/${proposalId}`);
    return { ok: true, message: `The vote is open until ${formatDateTime(vote.closesAt, "UTC")}.` };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function castBallotAction(proposalId: string, voteId: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    await castBallot(await currentActor(), voteId, { choice: str(formData, "choice"), rationale: str(formData, "rationale") });
    revalidatePath(`/proposals/${proposalId}`);
    return { ok: true, message: "Your organization's ballot is recorded. You can change it until the vote closes." };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function closeVoteEarlyAction(proposalId: string, voteId: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    await closeVoteEarly(await currentActor(), voteId, str(formData, "reason"));
    revalidatePath(`/proposals/${proposalId}`);
    return { ok: true, message: "The vote is closed." };
  } catch (error) {
    return failure(error, formData);
  }
}
