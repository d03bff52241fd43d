"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedInput, LimitedTextarea } from "@/components/ui/TextLimit";
import { GROUP_TEXT_MAX } from "@/lib/groups/limits";
import type { FormState } from "@/lib/form-state";
import { createGroupAction } from "./actions";

export function NewGroupForm() {
  const [state, submit, pending] = useActionState<FormState, FormData>(createGroupAction, { ok: true });
  const v = state.values ?? {};
  const e = state.fields ?? {};
  return (
    <form action={submit} className="space-y-4">
      <FormMessage ok={state.ok} message={state.message} />
      <Field name="cancer" label="Rare cancer" error={e.cancer} hint="e.g. Adrenocortical carcinoma">
        {(p) => <LimitedInput {...p} limit={GROUP_TEXT_MAX.cancer} name="cancer" defaultValue={v.cancer} className={inputClass} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="incidencePer100k" label="Incidence per 100,000 a year" error={e.incidencePer100k}>
          {(p) => <input {...p} name="incidencePer100k" inputMode="decimal" defaultValue={v.incidencePer100k} className={inputClass} />}
        </Field>
        <Field name="incidenceSource" label="Source of the incidence" error={e.incidenceSource}>
          {(p) => (
            <LimitedInput
              {...p}
              limit={GROUP_TEXT_MAX.incidenceSource}
              name="incidenceSource"
              defaultValue={v.incidenceSource}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Field name="description" label="Purpose" error={e.description}>
        {(p) => (
          <LimitedTextarea
            {...p}
            limit={GROUP_TEXT_MAX.description}
            name="description"
            rows={3}
            defaultValue={v.description}
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Creating…" : "Convene the group"}
      </button>
    </form>
  );
}
