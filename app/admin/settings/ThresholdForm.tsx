"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { SETTING_REASON_MAX } from "@/lib/settings-limits";
import type { FormState } from "@/lib/form-state";
import { setThresholdAction } from "./actions";

export function ThresholdForm({ current }: { current: number }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(setThresholdAction, { ok: true });
  return (
    <form action={submit} className="space-y-4">
      <FormMessage ok={state.ok} message={state.ok || !state.fields ? state.message : undefined} />
      <Field
        name="threshold"
        error={state.ok ? undefined : state.fields?.threshold}
        label="Rare cancer threshold (cases per 100,000 people a year)"
        hint="A cancer is rare when its incidence is below this. IRCI uses 6; early documents used 2."
      >
        {(p) => (
          <input
            {...p}
            name="threshold"
            inputMode="decimal"
            defaultValue={state.values?.threshold ?? String(current)}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        name="reason"
        error={state.ok ? undefined : state.fields?.reason}
        label="Reason for the change"
        hint="Recorded in the audit log."
      >
        {(p) => <LimitedInput {...p} limit={SETTING_REASON_MAX} name="reason" defaultValue={state.values?.reason} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Save threshold"}
      </button>
    </form>
  );
}
