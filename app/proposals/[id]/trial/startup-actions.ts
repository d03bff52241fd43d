"use server";
// The start-up tracker's forms: a step of one country updated by the trial's keepers or its owner
// organization, and a country added by the keepers. Thin: the rules are in lib/startup/mutations.ts.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/authz/actor";
import { attempt, formAction, formString, type FormState } from "@/lib/form-state";
import { addStartupCountry, updateStartupStep } from "@/lib/startup/mutations";
import { countryName } from "@/lib/time";
import { requireKey } from "@/lib/validation";

/** Saves the step, then back to the trial's matrix, where the change shows. */
export async function updateStartupStepAction(
  proposalId: string,
  trialId: string,
  country: string,
  step: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const done = await attempt(formData, async () => {
    const path = `/proposals/${requireKey(proposalId, "proposal")}/trial`;
    await updateStartupStep(
      await currentActor(),
      trialId,
      country,
      step,
      {
        state: formString(formData, "state"),
        plannedDate: formString(formData, "plannedDate"),
        actualDate: formString(formData, "actualDate"),
        blockedSince: formString(formData, "blockedSince"),
        blockedReason: formString(formData, "blockedReason"),
        ownerOrganizationId: formString(formData, "ownerOrganizationId"),
      },
      formString(formData, "version"),
    );
    revalidatePath(path);
    return `${path}#startup`;
  });
  if (!done.ok) return done.state;
  redirect(done.value);
}

export async function addStartupCountryAction(proposalId: string, trialId: string, _state: FormState, formData: FormData) {
  return formAction(formData, async () => {
    const path = `/proposals/${requireKey(proposalId, "proposal")}/trial`;
    const country = await addStartupCountry(await currentActor(), trialId, { country: formString(formData, "country") });
    revalidatePath(path);
    return `${countryName(country)} is added to the start-up tracker.`;
  });
}
