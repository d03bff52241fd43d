"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedTextarea } from "@/components/ui/TextLimit";
import { BALLOT_RATIONALE_MAX } from "@/lib/votes/limits";
import type { FormState } from "@/lib/form-state";
import { castBallotAction } from "./actions";

const CHOICES = [
  ["APPROVE", "Approve"],
  ["REJECT", "Reject"],
  ["ABSTAIN", "Abstain"],
  ["RECUSE", "Recuse (conflict of interest)"],
] as const;

export function BallotForm({
  proposalId,
  voteId,
  organization,
  current,
}: {
  proposalId: string;
  voteId: string;
  organization: string;
  current: { choice: string; rationale: string } | null;
}) {
  const [state, submit, pending] = useActionState<FormState, FormData>(castBallotAction.bind(null, proposalId, voteId), { ok: true });
  const e = state.ok ? {} : (state.fields ?? {});
  return (
    <form action={submit} className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium">{organization}&apos;s ballot</legend>
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          {CHOICES.map(([value, label]) => (
            <label key={value} className="flex items-center gap-1">
              <input
                type="radio"
                name="choice"
                value={value}
                defaultChecked={(state.values?.choice ?? current?.choice) === value}
                required
              />
              {label}
            </label>
          ))}
        </div>
        {e.choice ? <p className="mt-1 text-sm text-rose-700">{e.choice}</p> : null}
      </fieldset>
      <Field name="rationale" label="Rationale (shown to everyone after the close)" error={e.rationale}>
        {(p) => (
          <LimitedTextarea
            {...p}
            limit={BALLOT_RATIONALE_MAX}
            name="rationale"
            rows={2}
            defaultValue={state.values?.rationale ?? current?.rationale ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Recording…" : current ? "Change ballot" : "Cast ballot"}
      </button>
    </form>
  );
}
