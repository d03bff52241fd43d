"use client";
// Editing a decision's options and rationale. The version the page showed goes along: if someone
// saved in between, this save is refused and the person is told, keeping what they typed.
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedTextarea } from "@/components/ui/TextLimit";
import { useServerForm } from "@/components/useServerForm";
import { DECISION_TEXT_MAX as MAX } from "@/lib/decisions/limits";
import { editDecisionAction } from "../actions";

export function EditDecisionForm({ id, options, rationale, version }: { id: string; options: string; rationale: string; version: number }) {
  const [{ onSubmit, pending, fields: e, values: v, message, state }] = useServerForm(editDecisionAction.bind(null, id), false);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="version" value={version} />
      <Field name="options" label="Options considered" error={e.options} hint="One per line.">
        {(p) => (
          <LimitedTextarea {...p} name="options" rows={3} limit={MAX.options} defaultValue={v.options ?? options} className={inputClass} />
        )}
      </Field>
      <Field name="rationale" label="Rationale" error={e.rationale}>
        {(p) => (
          <LimitedTextarea
            {...p}
            name="rationale"
            rows={5}
            limit={MAX.rationale}
            defaultValue={v.rationale ?? rationale}
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Save the decision"}
      </button>
      <FormMessage ok={state.ok} message={message} />
    </form>
  );
}
