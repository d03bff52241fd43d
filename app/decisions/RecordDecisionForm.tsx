"use client";
// A chair or the secretariat records a decision (a design change, another decision) about a group
// or one of its proposals or trials. A refused field says why, and the form keeps what was typed.
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedInput, LimitedTextarea } from "@/components/ui/TextLimit";
import { useServerForm } from "@/components/useServerForm";
import { DECISION_KIND_LABEL, MANUAL_KINDS } from "@/lib/decisions/labels";
import { DECISION_TEXT_MAX as MAX } from "@/lib/decisions/limits";
import { recordDecisionAction } from "./actions";

export interface RecordingChoice {
  id: string;
  name: string;
  proposals: { id: string; title: string }[];
}

export function RecordDecisionForm({ choices }: { choices: RecordingChoice[] }) {
  const [{ onSubmit, pending, fields: e, values: v, message, state }, form] = useServerForm(recordDecisionAction);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="about" label="About" error={e.about} hint="The group, or one of its proposals or trials.">
          {(p) => (
            <select {...p} name="about" defaultValue={v.about ?? ""} className={inputClass}>
              <option value="">Choose…</option>
              {choices.map((g) => (
                <optgroup key={g.id} label={g.name}>
                  <option value={`group:${g.id}`}>{g.name} (the group)</option>
                  {g.proposals.map((pr) => (
                    <option key={pr.id} value={`proposal:${pr.id}`}>
                      {pr.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field name="kind" label="Kind" error={e.kind}>
          {(p) => (
            <select {...p} name="kind" defaultValue={v.kind ?? "DESIGN_CHANGE"} className={inputClass}>
              {MANUAL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {DECISION_KIND_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name="title" label="Title" error={e.title}>
        {(p) => <LimitedInput {...p} name="title" limit={MAX.title} defaultValue={v.title} className={inputClass} />}
      </Field>
      <Field name="decidedOn" label="Decided on" error={e.decidedOn} hint="The day it was decided (today or earlier).">
        {(p) => <input {...p} type="date" name="decidedOn" defaultValue={v.decidedOn} className={inputClass} />}
      </Field>
      <Field name="options" label="Options considered" error={e.options} hint="One per line.">
        {(p) => <LimitedTextarea {...p} name="options" rows={3} limit={MAX.options} defaultValue={v.options} className={inputClass} />}
      </Field>
      <Field name="rationale" label="Rationale" error={e.rationale} hint="Why this option was chosen.">
        {(p) => (
          <LimitedTextarea
            {...p}
            name="rationale"
            rows={4}
            limit={MAX.rationale}
            defaultValue={v.rationale}

            className={inputClass}
          />
        )}
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="public" value="yes" defaultChecked={v.public === "yes"} className="mt-1" />
        <span>
          <span className="font-medium">Public</span>
          <span className="block text-slate-600">
            Shown to visitors in the register and, for a published trial, on the public trials page.
          </span>
        </span>
      </label>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Record the decision"}
      </button>
      <FormMessage ok={state.ok} message={message} />
    </form>
  );
}
