"use server";
import { revalidatePath } from "next/cache";
import { currentSessionToken } from "@/lib/account/current-session";
import { signOutEverywhereElse, signOutSession } from "@/lib/account/mutations";
import { currentActor } from "@/lib/authz/actor";
import { formAction, type FormState } from "@/lib/form-state";

export async function signOutEverywhereElseAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const count = await signOutEverywhereElse(await currentActor(), await currentSessionToken());
    revalidatePath("/account");
    if (count === 0) return "You were signed in nowhere else.";
    return count === 1
      ? "Signed out of 1 other session. This one stays signed in."
      : `Signed out of ${count} other sessions. This one stays signed in.`;
  });
}

export async function signOutSessionAction(sessionId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    await signOutSession(await currentActor(), sessionId, await currentSessionToken());
    revalidatePath("/account");
    return "Signed out of that session.";
  });
}
