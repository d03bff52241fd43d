"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { setRareThreshold } from "@/lib/settings";

export async function setThresholdAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const value = await setRareThreshold(await currentActor(), formData.get("threshold"), formString(formData, "reason"));
    revalidatePath("/", "layout");
    return `Rare now means fewer than ${value} cases per 100,000 people a year.`;
  });
}
