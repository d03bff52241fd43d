"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { SETTING_REASON_MAX } from "@/lib/settings-limits";
import type { FormState } from "@/lib/form-state";
import { setForecastSettingsAction } from "./actions";

export interface ForecastFormValues {
  discount: number;
  warnYears: number;
  atRisk: number;
}

/** The accrual forecast's assumptions, in percentages and years. Defaults and their sources are in the hints. */
export function ForecastForm({ current }: { current: ForecastFormValues }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(setForecastSettingsAction, { ok: true });
  const error = (name: string) => (state.ok ? undefined : state.fields?.[name]);
  const value = (name: keyof ForecastFormValues) => state.values?.[name] ?? String(current[name]);
  return (
    <form action={submit} className="space-y-4">
      <FormMessage ok={state.ok} message={state.ok || !state.fields ? state.message : undefined} />
      <Field
        name="discount"
        error={error("discount")}
        label="Share of pledged patients the forecast expects (%)"
        hint="Investigators tend to overestimate accrual (Lasagna's law). Default 50: a pledge counts for half."
      >
        {(p) => <input {...p} name="discount" inputMode="numeric" defaultValue={value("discount")} className={inputClass} />}
      </Field>
      <Field
        name="warnYears"
        error={error("warnYears")}
        label="Warn when the median time to the sample size exceeds (years)"
        hint="A warning in the criteria checklist, never a block. Default 5."
      >
        {(p) => <input {...p} name="warnYears" inputMode="decimal" defaultValue={value("warnYears")} className={inputClass} />}
      </Field>
      <Field
        name="atRisk"
        error={error("atRisk")}
        label="A running trial is at risk below this chance of reaching its target by its planned end (%)"
        hint="Default 20: less than one chance in five. The monitor waits for six months of accrual before it flags."
      >
        {(p) => <input {...p} name="atRisk" inputMode="numeric" defaultValue={value("atRisk")} className={inputClass} />}
      </Field>
      <Field name="reason" error={error("reason")} label="Reason for the change" hint="Recorded in the audit log.">
        {(p) => <LimitedInput {...p} limit={SETTING_REASON_MAX} name="reason" defaultValue={state.values?.reason} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Save forecast settings"}
      </button>
    </form>
  );
}
