"use client";
import { useActionState, useId } from "react";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedTextarea } from "@/components/ui/TextLimit";
import { TRANSITION_REASON_MAX } from "@/lib/proposals/limits";
import type { FormState } from "@/lib/form-state";
import { transitionAction } from "./actions";

export interface ActionView {
  event: string;
  label: string;
  reasonRequired: boolean;
  /** Why the server would refuse it now, if it would. */
  blockedBecause: string | null;
}

/** Actions that end a proposal's road, shown as such. */
const ENDINGS = ["withdraw", "closeEarly", "reject"];

function TransitionForm({
  action,
  submit,
  pending,
  reason,
  reasonError,
}: {
  action: ActionView;
  submit: (f: FormData) => void;
  pending: boolean;
  reason?: string;
  reasonError?: string;
}) {
  const hintId = useId();
  return (
    <form action={submit} className="space-y-2 rounded-md border border-slate-200 p-3">
      <input type="hidden" name="event" value={action.event} />
      {action.reasonRequired ? (
        <Field name={`reason-${action.event}`} label={`Reason (${action.label.toLowerCase()})`} error={reasonError}>
          {(props) => (
            <LimitedTextarea {...props} limit={TRANSITION_REASON_MAX} name="reason" rows={2} className={inputClass} defaultValue={reason} />
          )}
        </Field>
      ) : null}
      {action.blockedBecause ? (
        <p id={hintId} className="text-sm text-amber-900">
          {action.blockedBecause}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        aria-describedby={action.blockedBecause ? hintId : undefined}
        className={`rounded-md px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60 ${
          ENDINGS.includes(action.event) ? "bg-rose-700 hover:bg-rose-800" : "bg-brand-700 hover:bg-brand-800"
        }`}
      >
        {action.label}
      </button>
    </form>
  );
}

/**
 * One answer for the whole panel: after a transition the set of possible actions changes, and the
 * confirmation (or the refusal and its reason) must stay on screen.
 */
export function TransitionPanel({ proposalId, actions }: { proposalId: string; actions: ActionView[] }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(transitionAction.bind(null, proposalId), { ok: true });
  return (
    <div className="space-y-3">
      <FormMessage ok={state.ok} message={state.message} />
      {actions.length === 0 ? <p className="text-sm text-slate-600">Nothing for you to move here now.</p> : null}
      {actions.map((a) => (
        <TransitionForm
          key={a.event}
          action={a}
          submit={submit}
          pending={pending}
          reason={state.values?.event === a.event ? state.values.reason : undefined}
          reasonError={state.values?.event === a.event ? state.fields?.reason : undefined}
        />
      ))}
    </div>
  );
}
