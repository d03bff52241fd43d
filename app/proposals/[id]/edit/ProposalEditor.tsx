"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { buttonClass, secondaryButtonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedInput, LimitedTextarea } from "@/components/ui/TextLimit";
import { submitWithoutReset } from "@/components/submitWithoutReset";
import { useUnsavedChangesGuard } from "@/components/useUnsavedChangesGuard";
import type { FormState } from "@/lib/form-state";
import { PROPOSAL_TEXT_MAX } from "@/lib/proposals/limits";
import { PHASES, PHASE_LABEL } from "@/lib/proposals/phases";
import { saveProposalAction } from "./actions";

export type EditorValues = Record<
  | "title"
  | "population"
  | "intervention"
  | "comparator"
  | "primaryOutcome"
  | "rationale"
  | "phase"
  | "randomised"
  | "sampleSize"
  | "plannedAccrualMonths"
  | "primaryEndpoint"
  | "noOtherForum",
  string
>;

const TEXT_AREAS: [keyof typeof PROPOSAL_TEXT_MAX, string, string][] = [
  ["population", "Population", "Who takes part: the patients the trial is for."],
  ["intervention", "Intervention", "What the trial tests."],
  ["comparator", "Comparator", "What it is compared with (standard care, placebo, observation)."],
  ["primaryOutcome", "Primary outcome", "What will show whether the intervention works."],
  ["rationale", "Rationale", "Why this question, why now."],
  ["noOtherForum", "Why no other forum fits", "Why only IRCI can bring together everyone this trial needs."],
];

export function ProposalEditor({ proposalId, initial, version }: { proposalId: string; initial: EditorValues; version: number }) {
  const [state, save, pending] = useActionState<FormState, FormData>(saveProposalAction.bind(null, proposalId), { ok: true });
  const [values, setValues] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const [savedVersion, setSavedVersion] = useState(version);
  const [lastState, setLastState] = useState(state);

  // A successful save moves the version on and clears the unsaved mark; a refused one keeps both,
  // and the text stays in the form because the fields are controlled.
  if (state !== lastState) {
    setLastState(state);
    if (state.ok && state.values?.version) {
      setSavedVersion(Number(state.values.version));
      setDirty(false);
    }
  }

  useUnsavedChangesGuard(dirty);

  const set = (key: keyof EditorValues) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [key]: event.target.value }));
    setDirty(true);
  };
  const errors = state.ok ? {} : (state.fields ?? {});
  // Submitted by hand, not through the form's action: React's reset after an action put the
  // controlled selects back to "Not decided" on screen, and the next save stored that.
  const submit = submitWithoutReset(save);

  return (
    <form onSubmit={submit} className="space-y-5" aria-describedby="editor-status">
      <input type="hidden" name="version" value={savedVersion} />
      <FormMessage ok={state.ok} message={state.message} />
      <Field name="title" label="Title" error={errors.title}>
        {(p) => (
          <LimitedInput
            {...p}
            limit={PROPOSAL_TEXT_MAX.title}
            name="title"
            value={values.title}
            onChange={set("title")}
            className={inputClass}
          />
        )}
      </Field>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">Testable hypothesis</legend>
        {TEXT_AREAS.slice(0, 4).map(([key, label, hint]) => (
          <Field key={key} name={key} label={label} hint={hint} error={errors[key]}>
            {(p) => (
              <LimitedTextarea
                {...p}
                limit={PROPOSAL_TEXT_MAX[key]}
                name={key}
                rows={2}
                value={values[key]}
                onChange={set(key)}
                className={inputClass}
              />
            )}
          </Field>
        ))}
      </fieldset>
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-2">
        <legend className="px-1 text-sm font-semibold">Design</legend>
        <Field name="phase" label="Phase" error={errors.phase}>
          {(p) => (
            <select {...p} name="phase" value={values.phase} onChange={set("phase")} className={inputClass}>
              <option value="">Not decided</option>
              {PHASES.map((ph) => (
                <option key={ph} value={ph}>
                  {PHASE_LABEL[ph]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="randomised" label="Randomised" error={errors.randomised}>
          {(p) => (
            <select {...p} name="randomised" value={values.randomised} onChange={set("randomised")} className={inputClass}>
              <option value="">Not decided</option>
              <option value="true">Yes</option>
              <option value="false">No</option>
            </select>
          )}
        </Field>
        <Field name="sampleSize" label="Planned sample size" error={errors.sampleSize}>
          {(p) => (
            <input
              {...p}
              name="sampleSize"
              inputMode="numeric"
              value={values.sampleSize}
              onChange={set("sampleSize")}
              className={inputClass}
            />
          )}
        </Field>
        <Field
          name="plannedAccrualMonths"
          label="Planned accrual period (months)"
          hint="From the first site opening to the last patient. The forecast gives the chance of reaching the sample size within it."
          error={errors.plannedAccrualMonths}
        >
          {(p) => (
            <input
              {...p}
              name="plannedAccrualMonths"
              inputMode="numeric"
              value={values.plannedAccrualMonths}
              onChange={set("plannedAccrualMonths")}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="primaryEndpoint" label="Primary endpoint" error={errors.primaryEndpoint}>
          {(p) => (
            <LimitedInput
              {...p}
              limit={PROPOSAL_TEXT_MAX.primaryEndpoint}
              name="primaryEndpoint"
              value={values.primaryEndpoint}
              onChange={set("primaryEndpoint")}
              className={inputClass}
            />
          )}
        </Field>
      </fieldset>
      {TEXT_AREAS.slice(4).map(([key, label, hint]) => (
        <Field key={key} name={key} label={label} hint={hint} error={errors[key]}>
          {(p) => (
            <LimitedTextarea
              {...p}
              limit={PROPOSAL_TEXT_MAX[key]}
              name={key}
              rows={4}
              value={values[key]}
              onChange={set(key)}
              className={inputClass}
            />
          )}
        </Field>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Saving…" : "Save revision"}
        </button>
        <Link href={`/proposals/${proposalId}`} className={secondaryButtonClass}>
          Back to the proposal
        </Link>
        <p id="editor-status" className="text-sm text-slate-600" aria-live="polite">
          {dirty ? "Unsaved changes" : "All changes saved"}
        </p>
      </div>
    </form>
  );
}
