"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { setForecastSettings, setRareThreshold } from "@/lib/settings";
import { setStartupTargets } from "@/lib/startup/settings";
import { STARTUP_STEPS } from "@/lib/startup/steps";

export async function setThresholdAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const value = await setRareThreshold(await currentActor(), formData.get("threshold"), formString(formData, "reason"));
    revalidatePath("/", "layout");
    return `Rare now means fewer than ${value} cases per 100,000 people a year.`;
  });
}

export async function setForecastSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const value = await setForecastSettings(
      await currentActor(),
      { discount: formData.get("discount"), warnYears: formData.get("warnYears"), atRisk: formData.get("atRisk") },
      formString(formData, "reason"),
    );
    revalidatePath("/", "layout");
    return `The forecast now expects ${Math.round(value.discount * 100)}% of pledges, warns beyond ${value.warnYears} years and flags trials below a ${Math.round(value.atRiskProbability * 100)}% chance.`;
  });
}

export async function setStartupTargetsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const fields = Object.fromEntries([...STARTUP_STEPS, "phase12Activation"].map((name) => [name, formData.get(name)]));
    const value = await setStartupTargets(await currentActor(), fields, formString(formData, "reason"));
    revalidatePath("/", "layout");
    return `Start-up targets saved: activation within ${value.steps.FIRST_SITE} days of approval for phase 3, ${value.phase12Activation} for phase 1-2.`;
  });
}
