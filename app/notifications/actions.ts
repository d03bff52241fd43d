"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { failure, formString, type FormState } from "@/lib/form-state";
import { markAllRead, markRead, setFollowing } from "@/lib/notifications";

export async function markReadAction(id: string, _s: FormState, formData: FormData): Promise<FormState> {
  try {
    await markRead(await currentActor(), id);
    revalidatePath("/", "layout");
    return { ok: true, message: "Marked read." };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function markAllReadAction(_s: FormState, formData: FormData): Promise<FormState> {
  try {
    const count = await markAllRead(await currentActor());
    revalidatePath("/", "layout");
    return { ok: true, message: `${count} marked read.` };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function followAction(proposalId: string, _s: FormState, formData: FormData): Promise<FormState> {
  try {
    const follow = formString(formData, "follow") === "true";
    await setFollowing(await currentActor(), proposalId, follow);
    revalidatePath(`/proposals/${proposalId}`);
    return { ok: true, message: follow ? "You will hear about this proposal." : "You no longer follow this proposal." };
  } catch (error) {
    return failure(error, formData);
  }
}
