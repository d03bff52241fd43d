"use server";
import { currentActor } from "@/lib/authz/actor";
import { formAction, formValues, type FormState } from "@/lib/form-state";
import { saveEmailSettings } from "@/lib/mail/settings";

export async function saveEmailSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const changed = await saveEmailSettings(await currentActor(), formValues(formData));
    return changed ? "Saved. Your email settings apply from the next notification." : "Nothing changed.";
  });
}
