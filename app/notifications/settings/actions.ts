"use server";
import { currentActor } from "@/lib/authz/actor";
import { failure, formValues, type FormState } from "@/lib/form-state";
import { saveEmailSettings } from "@/lib/mail/settings";

export async function saveEmailSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  try {
    const changed = await saveEmailSettings(await currentActor(), formValues(formData));
    return { ok: true, message: changed ? "Saved. Your email settings apply from the next notification." : "Nothing changed." };
  } catch (error) {
    return failure(error, formData);
  }
}
