"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { removeGroupMember, setGroupMember } from "@/lib/groups/mutations";
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
