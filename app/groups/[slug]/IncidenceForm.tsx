"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedInput, LimitedTextarea } from "@/components/ui/TextLimit";
import { GROUP_TEXT_MAX } from "@/lib/groups/limits";
import type { FormState } from "@/lib/form-state";
import { correctIncidenceAction } from "./actions";

/** The group's chairs and the secretariat correct the incidence figure and say where it comes from. */
export function IncidenceForm({ groupId, slug, incidence, source }: { groupId: string; slug: string; incidence: string; source: string }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(correctIncidenceAction.bind(null, groupId, slug), {
    ok: true,
  });
  const v = state.values ?? {};
  const e = state.fields ?? {};
  return (
    <form action={submit} className="space-y-3">
      <Field
        name="incidencePer100k"
        label="Incidence per 100,000 a year"
        error={e.incidencePer100k}
        hint="Leave empty when it is not known."
      >
        {(p) => (
          <input {...p} name="incidencePer100k" inputMode="decimal" defaultValue={v.incidencePer100k ?? incidence} className={inputClass} />
        )}
      </Field>
      <Field name="incidenceSource" label="Source of the incidence" error={e.incidenceSource}>
        {(p) => (
          <LimitedInput
            {...p}
            limit={GROUP_TEXT_MAX.incidenceSource}
            name="incidenceSource"
            defaultValue={v.incidenceSource ?? source}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="incidence-reason" label="Why the figure changes" error={e.reason}>
        {(p) => (
          <LimitedTextarea {...p} limit={GROUP_TEXT_MAX.reason} name="reason" rows={2} defaultValue={v.reason} className={inputClass} />
        )}
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Correct the incidence"}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
