"use server";
import { currentActor } from "@/lib/authz/actor";
import { formAction, formString, formValues, type FormState } from "@/lib/form-state";
import { saveEmailSettings } from "@/lib/mail/settings";
import { setOwnTimeZone } from "@/lib/people/time-zone";

export async function saveEmailSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const changed = await saveEmailSettings(await currentActor(), formValues(formData));
    return changed ? "Saved. Your email settings apply from the next notification." : "Nothing changed.";
  });
}

export async function saveTimeZoneAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const changed = await setOwnTimeZone(await currentActor(), formString(formData, "timeZone"));
    return changed ? "Saved. Every time in the portal and in your email is now shown in this zone." : "Nothing changed.";
  });
}
