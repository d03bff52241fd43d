"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { decideAccessRequest } from "@/lib/people/access-requests";
import { INVITATION_LIFETIME_DAYS, invite, revokeInvitation } from "@/lib/people/invitations";
import { deactivate, reactivate, setRole, setSecretariat } from "@/lib/people/mutations";
import { ROLE_WORDS } from "@/lib/people/schema";

// The people pages' forms (an organization's and the secretariat's). Ids of people, invitations
// and requests are bound to the forms, so they come back from the browser: lib/people checks each
// against what the signed-in person may manage before anything is written.

function refreshPeoplePages() {
  revalidatePath("/organizations/[slug]/people", "page");
  revalidatePath("/organizations/[slug]", "page");
  revalidatePath("/admin/people");
}

export async function inviteAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const { invitation } = await invite(await currentActor(), {
      email: formString(formData, "email"),
      role: formString(formData, "role"),
      organizationId: formString(formData, "organizationId"),
      secretariat: formString(formData, "secretariat"),
    });
    refreshPeoplePages();
    return `An invitation is on its way to ${invitation.email}. The link works once, for ${INVITATION_LIFETIME_DAYS} days.`;
  });
}

export async function revokeInvitationAction(invitationId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const invitation = await revokeInvitation(await currentActor(), invitationId);
    refreshPeoplePages();
    return `The invitation to ${invitation.email} is withdrawn: its link no longer works.`;
  });
}

export async function setRoleAction(userId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const { changed, person, to } = await setRole(await currentActor(), userId, { role: formString(formData, "role") });
    refreshPeoplePages();
    const who = person.name ?? person.email;
    return changed ? `${who} is now a ${ROLE_WORDS[to]}. They have been told.` : `${who} is already a ${ROLE_WORDS[to]}.`;
  });
}

export async function deactivateAction(userId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const { person } = await deactivate(await currentActor(), userId, formString(formData, "reason"));
    refreshPeoplePages();
    return `${person.name ?? person.email} is deactivated and signed out everywhere. They have been told by email.`;
  });
}

export async function reactivateAction(userId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const { person } = await reactivate(await currentActor(), userId);
    refreshPeoplePages();
    return `${person.name ?? person.email} can sign in again.`;
  });
}

export async function setSecretariatAction(userId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const { changed, person, grant } = await setSecretariat(await currentActor(), userId, {
      secretariat: formString(formData, "secretariat"),
    });
    refreshPeoplePages();
    const who = person.name ?? person.email;
    if (!changed)
      return grant ? `${who} already holds the secretariat's capability.` : `${who} does not hold the secretariat's capability.`;
    return grant ? `${who} now holds the secretariat's capability.` : `${who} no longer holds the secretariat's capability.`;
  });
}

export async function decideAccessRequestAction(requestId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const { request, decision } = await decideAccessRequest(await currentActor(), requestId, {
      decision: formString(formData, "decision"),
      reason: formString(formData, "reason"),
    });
    refreshPeoplePages();
    return decision === "approve"
      ? `${request.email} is now a member of ${request.organization.shortName} and can sign in.`
      : `${request.email} was refused, and told why.`;
  });
}
