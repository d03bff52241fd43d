"use client";
import { useActionState, useId } from "react";
import { FormMessage, inputClass } from "@/components/ui/form";
import type { FormState } from "@/lib/form-state";
import { transitionAction } from "../actions";

export interface ActionView {
  event: string;
  label: string;
  reasonRequired: boolean;
  /** Why the server would refuse it now, if it would. */
  blockedBecause: string | null;
}

function TransitionForm({ proposalId, action }: { proposalId: string; action: ActionView }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(transitionAction.bind(null, proposalId), { ok: true });
  const reasonId = useId();
  const hintId = useId();
  return (
    <form action={submit} className="space-y-2 rounded-md border border-slate-200 p-3">
      <input type="hidden" name="event" value={action.event} />
      {action.reasonRequired ? (
        <div>
          <label htmlFor={reasonId} className="block text-sm font-medium">
            Reason ({action.label.toLowerCase()})
          </label>
          <textarea id={reasonId} name="reason" rows={2} className={inputClass} defaultValue={state.values?.reason} />
        </div>
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
        className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Working…" : action.label}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

export function TransitionPanel({ proposalId, actions }: { proposalId: string; actions: ActionView[] }) {
  return (
    <div className="space-y-3">
      {actions.map((a) => (
        <TransitionForm key={a.event} proposalId={proposalId} action={a} />
      ))}
    </div>
  );
}
