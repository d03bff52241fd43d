"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { removeGroupMember, setGroupMember } from "@/lib/groups/mutations";
import { changeGroupStatus, correctIncidence } from "@/lib/groups/changes";
import { GROUP_STATUS_LABEL } from "@/lib/groups/status";
import { requireKey } from "@/lib/validation";

// The group's id and slug are bound to the forms, so they come back from the browser: the slug only
// names the page to refresh, and is checked before anything is written.

export async function setMemberAction(groupId: string, slug: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const page = `/groups/${requireKey(slug, "expert group")}`;
    await setGroupMember(await currentActor(), groupId, { userId: formString(formData, "userId"), role: formString(formData, "role") });
    revalidatePath(page);
    return "The group's members are updated.";
  });
}

export async function removeMemberAction(groupId: string, slug: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const page = `/groups/${requireKey(slug, "expert group")}`;
    await removeGroupMember(await currentActor(), groupId, formString(formData, "userId"));
    revalidatePath(page);
    return "Removed from the group.";
  });
}

export async function changeStatusAction(groupId: string, slug: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const page = `/groups/${requireKey(slug, "expert group")}`;
    const { to } = await changeGroupStatus(await currentActor(), groupId, {
      expectedStatus: formString(formData, "expectedStatus"),
      status: formString(formData, "status"),
      reason: formString(formData, "reason"),
    });
    revalidatePath(page);
    return `The group is now ${GROUP_STATUS_LABEL[to].toLowerCase()}.`;
  });
}

export async function correctIncidenceAction(groupId: string, slug: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const page = `/groups/${requireKey(slug, "expert group")}`;
    await correctIncidence(await currentActor(), groupId, {
      incidencePer100k: formString(formData, "incidencePer100k"),
      incidenceSource: formString(formData, "incidenceSource"),
      reason: formString(formData, "reason"),
    });
    revalidatePath(page);
    return "The incidence is corrected.";
  });
}
