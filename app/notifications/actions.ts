"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { formAction, type FormState } from "@/lib/form-state";
import { markAllRead, markRead } from "@/lib/notifications";

export async function markReadAction(id: string, _s: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    await markRead(await currentActor(), id);
    revalidatePath("/", "layout");
    return "Marked read.";
  });
}

export async function markAllReadAction(_s: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const count = await markAllRead(await currentActor());
    revalidatePath("/", "layout");
    return `${count} marked read.`;
  });
}
