"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/authz/actor";
import { requireKey } from "@/lib/validation";
import { failure, formString, type FormState } from "@/lib/form-state";
import { createGroup, removeGroupMember, setGroupMember } from "@/lib/groups/mutations";


export async function createGroupAction(_state: FormState, formData: FormData): Promise<FormState> {
  let slug: string;
  try {
    const group = await createGroup(await currentActor(), {
      cancer: formString(formData, "cancer"),
      incidencePer100k: formString(formData, "incidencePer100k"),
      incidenceSource: formString(formData, "incidenceSource"),
      description: formString(formData, "description"),
    });
    slug = group.slug;
  } catch (error) {
    return failure(error, formData);
  }
  redirect(`/groups/${slug}`);
}

export async function setMemberAction(groupId: string, slug: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    slug = requireKey(slug, "expert group");
    await setGroupMember(await currentActor(), groupId, { userId: formString(formData, "userId"), role: formString(formData, "role") });
    revalidatePath(`/groups/${slug}`);
    return { ok: true, message: "The group's members are updated." };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function removeMemberAction(groupId: string, slug: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    slug = requireKey(slug, "expert group");
    await removeGroupMember(await currentActor(), groupId, formString(formData, "userId"));
    revalidatePath(`/groups/${slug}`);
    return { ok: true, message: "Removed from the group." };
  } catch (error) {
    return failure(error, formData);
  }
}
