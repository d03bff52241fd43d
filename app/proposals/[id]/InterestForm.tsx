"use client";
import { useActionState } from "react";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedTextarea } from "@/components/ui/TextLimit";
import { INTEREST_NOTE_MAX } from "@/lib/proposals/limits";
import type { FormState } from "@/lib/form-state";
import { recordInterestAction } from "./actions";

export interface CurrentInterest {
  level: string;
  expectedSites: number | null;
  expectedPatientsPerYear: number | null;
  note: string;
}

export function InterestForm({
  proposalId,
  organization,
  current,
  canLead,
  sitesCount = 0,
}: {
  proposalId: string;
  organization: string;
  current: CurrentInterest | null;
  canLead: boolean;
  /** With feasibility sites, the pledge is their sum: the figures are shown, not typed. */
  sitesCount?: number;
}) {
  const [state, submit, pending] = useActionState<FormState, FormData>(recordInterestAction.bind(null, proposalId), { ok: true });
  const v = state.values;
  return (
    <form action={submit} className="space-y-3">
      <p className="text-sm text-slate-700">You speak for {organization}: would it take part?</p>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{organization} will…</legend>
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          {(["LEAD", "PARTICIPATE", "INTERESTED", "DECLINED"] as const).map((level) =>
            level === "LEAD" && !canLead ? null : (
              <label key={level} className="flex items-center gap-1">
                <input type="radio" name="level" value={level} defaultChecked={(v?.level ?? current?.level) === level} required />
                {{ LEAD: "lead", PARTICIPATE: "participate", INTERESTED: "be interested", DECLINED: "decline" }[level]}
              </label>
            ),
          )}
        </div>
        {state.fields?.level ? <p className="mt-1 text-sm text-rose-700">{state.fields.level}</p> : null}
      </fieldset>
      {sitesCount > 0 ? (
        <p className="text-sm text-slate-700">
          The expected sites and patients are the sum over {organization}&apos;s {sitesCount} {sitesCount === 1 ? "site" : "sites"} in Site
          feasibility below: change the sites to change them.
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <Field name="expectedSites" label="Expected sites" error={state.fields?.expectedSites}>
          {(p) => (
            <input
              {...p}
              name="expectedSites"
              inputMode="numeric"
              readOnly={sitesCount > 0}
              defaultValue={v?.expectedSites ?? current?.expectedSites ?? ""}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="expectedPatientsPerYear" label="Expected patients a year" error={state.fields?.expectedPatientsPerYear}>
          {(p) => (
            <input
              {...p}
              name="expectedPatientsPerYear"
              inputMode="numeric"
              readOnly={sitesCount > 0}
              defaultValue={v?.expectedPatientsPerYear ?? current?.expectedPatientsPerYear ?? ""}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Field name="note" label="Note" error={state.fields?.note}>
        {(p) => (
          <LimitedTextarea
            {...p}
            limit={INTEREST_NOTE_MAX}
            name="note"
            rows={2}
            defaultValue={v?.note ?? current?.note ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage ok={state.ok} message={state.message} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Record interest"}
      </button>
    </form>
  );
}
