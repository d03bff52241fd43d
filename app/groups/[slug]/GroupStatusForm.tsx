"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedTextarea } from "@/components/ui/TextLimit";
import { GROUP_TEXT_MAX } from "@/lib/groups/limits";
import type { FormState } from "@/lib/form-state";
import { GROUP_STATUS_CHANGES, statusChangeLabel, type GroupStatus } from "@/lib/groups/status";
import { changeStatusAction } from "./actions";

/** The secretariat moves the group on, with a reason; the status it saw goes along to guard the change. */
export function GroupStatusForm({ groupId, slug, current }: { groupId: string; slug: string; current: GroupStatus }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(changeStatusAction.bind(null, groupId, slug), { ok: true });
  const v = state.values ?? {};
  const e = state.fields ?? {};
  const choices = GROUP_STATUS_CHANGES[current];
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="expectedStatus" value={current} />
      <Field name="status" label="New status" error={e.status}>
        {(p) => (
          <select
            {...p}
            name="status"
            defaultValue={v.status && choices.includes(v.status as GroupStatus) ? v.status : choices[0]}
            className={inputClass}
          >
            {choices.map((to) => (
              <option key={to} value={to}>
                {statusChangeLabel(current, to)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="status-reason" label="Reason for the change" error={e.reason} hint="Shown on the group's page and in the audit log.">
        {(p) => (
          <LimitedTextarea {...p} limit={GROUP_TEXT_MAX.reason} name="reason" rows={2} defaultValue={v.reason} className={inputClass} />
        )}
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Change status"}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
