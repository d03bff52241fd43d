"use server";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/authz/actor";
import { attempt, formString, type FormState } from "@/lib/form-state";
import { createProposal } from "@/lib/proposals/mutations";

export async function createProposalAction(_state: FormState, formData: FormData): Promise<FormState> {
  const created = await attempt(formData, async () =>
    createProposal(await currentActor(), {
      groupId: formString(formData, "groupId"),
      leadOrganizationId: formString(formData, "leadOrganizationId"),
      title: formString(formData, "title"),
    }),
  );
  if (!created.ok) return created.state;
  redirect(`/proposals/${created.value.id}/edit`);
}
