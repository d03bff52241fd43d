"use client";
import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import type { FormState } from "@/lib/form-state";
import { openVoteAction } from "./actions";

/** The datetime-local value for an instant, in this browser's own time zone. */
function localInputValue(date: Date) {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function OpenVoteForm({ proposalId, blockedBecause }: { proposalId: string; blockedBecause: string | null }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(openVoteAction.bind(null, proposalId), { ok: true });
  const [closes, setCloses] = useState(() => localInputValue(new Date(Date.now() + 7 * 24 * 3600_000)));
  const closesAtIso = closes ? new Date(closes).toISOString() : "";
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const e = state.ok ? {} : (state.fields ?? {});
  return (
    <form action={submit} className="space-y-3">
      <FormMessage ok={state.ok} message={state.message} />
      {blockedBecause ? <p className="text-sm text-amber-900">{blockedBecause}</p> : null}
      <input type="hidden" name="closesAt" value={closesAtIso} />
      <Field name="closes" label={`Closes at (your time, ${zone})`} error={e.closesAt} hint="Everyone sees it in their own time zone.">
        {(p) => (
          <input
            {...p}
            type="datetime-local"
            value={closes}
            onChange={(ev) => setCloses(ev.target.value)}
            className={inputClass}
            required
          />
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field name="quorum" label="Quorum (organizations)" error={e.quorum}>
          {(p) => (
            <input {...p} name="quorum" type="number" min={1} max={8} defaultValue={state.values?.quorum ?? "5"} className={inputClass} />
          )}
        </Field>
        <Field name="passRule" label="Passes with" error={e.passRule}>
          {(p) => (
            <select {...p} name="passRule" defaultValue={state.values?.passRule ?? "MORE_APPROVE_THAN_REJECT"} className={inputClass}>
              <option value="MORE_APPROVE_THAN_REJECT">More approvals than rejections</option>
              <option value="TWO_THIRDS_OF_DECIDED">Two thirds of approvals and rejections</option>
            </select>
          )}
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Opening…" : "Open voting"}
      </button>
    </form>
  );
}
