"use client";
import { useActionState } from "react";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { CLOSE_REASON_MAX } from "@/lib/votes/limits";
import type { FormState } from "@/lib/form-state";
import { closeVoteEarlyAction } from "./actions";

export function CloseEarlyForm({ proposalId, voteId }: { proposalId: string; voteId: string }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(closeVoteEarlyAction.bind(null, proposalId, voteId), { ok: true });
  return (
    <form action={submit} className="space-y-2 border-t border-slate-200 pt-3">
      <Field name="close-reason" label="Reason to close the vote now (secretariat)" error={state.ok ? undefined : state.fields?.reason}>
        {(p) => <LimitedInput {...p} limit={CLOSE_REASON_MAX} name="reason" defaultValue={state.values?.reason} className={inputClass} />}
      </Field>
      <FormMessage ok={state.ok} message={state.ok ? state.message : state.fields ? undefined : state.message} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-rose-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60"
      >
        Close the vote now
      </button>
    </form>
  );
}
