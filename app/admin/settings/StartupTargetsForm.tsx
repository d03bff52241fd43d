"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { SETTING_REASON_MAX } from "@/lib/settings-limits";
import { STARTUP_STEPS, stepName, type StartupTargets } from "@/lib/startup/steps";
import type { FormState } from "@/lib/form-state";
import { setStartupTargetsAction } from "./actions";

/** Days from approval by which each start-up step should be done (phase 3), and the phase 1-2 activation target. */
export function StartupTargetsForm({ current, defaults }: { current: StartupTargets; defaults: StartupTargets }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(setStartupTargetsAction, { ok: true });
  const error = (name: string) => (state.ok ? undefined : state.fields?.[name]);
  const value = (name: string, saved: number) => state.values?.[name] ?? String(saved);
  return (
    <form action={submit} className="space-y-4">
      <p className="text-sm text-slate-700">
        Days from the trial&apos;s approval by which each step should be done in each country, for a phase 3 trial. The defaults follow the
        NCI Operational Efficiency Working Group: the first site activated within 300 days of approval for phase 3 and 210 for phase 1-2
        (absolute deadlines 540 and 450 days); the steps before it share those days as trial units run them, regulator and ethics in
        parallel. A step done later, or still open past its target, is flagged on the trial page and the portfolio.
      </p>
      <FormMessage ok={state.ok} message={state.ok || !state.fields ? state.message : undefined} />
      <div className="grid gap-4 sm:grid-cols-2">
        {STARTUP_STEPS.map((step) => (
          <Field key={step} name={step} error={error(step)} label={`${stepName(step)} (days)`} hint={`Default ${defaults.steps[step]}.`}>
            {(p) => <input {...p} name={step} inputMode="numeric" defaultValue={value(step, current.steps[step])} className={inputClass} />}
          </Field>
        ))}
      </div>
      <Field
        name="phase12Activation"
        error={error("phase12Activation")}
        label="First site activated, phase 1-2 trials (days)"
        hint={`Default ${defaults.phase12Activation} (NCI OEWG). Every step's target of a phase 1-2 trial is scaled by this over the phase 3 activation target.`}
      >
        {(p) => (
          <input
            {...p}
            name="phase12Activation"
            inputMode="numeric"
            defaultValue={value("phase12Activation", current.phase12Activation)}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="reason" error={error("reason")} label="Reason for the change" hint="Recorded in the audit log with the old targets.">
        {(p) => <LimitedInput {...p} limit={SETTING_REASON_MAX} name="reason" defaultValue={state.values?.reason} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Save start-up targets"}
      </button>
    </form>
  );
}
