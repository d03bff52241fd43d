"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { PROPOSAL_TEXT_MAX } from "@/lib/proposals/limits";
import type { FormState } from "@/lib/form-state";
import { createProposalAction } from "./actions";

export function NewProposalForm({
  groups,
  organizations,
  defaultLead,
}: {
  groups: { id: string; name: string }[];
  organizations: { id: string; shortName: string; name: string }[];
  defaultLead?: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(createProposalAction, { ok: true });
  const v = state.values ?? {};
  return (
    <form action={action} className="space-y-4">
      <FormMessage ok={state.ok} message={state.message} />
      <Field name="title" label="Working title" error={state.fields?.title} hint="You can change it later; every save is kept.">
        {(p) => (
          <LimitedInput
            {...p}
            limit={PROPOSAL_TEXT_MAX.title}
            name="title"
            defaultValue={v.title}
            className={inputClass}
            required
            minLength={5}
          />
        )}
      </Field>
      <Field name="groupId" label="Expert group" error={state.fields?.groupId}>
        {(p) => (
          <select {...p} name="groupId" defaultValue={v.groupId ?? ""} className={inputClass} required>
            <option value="" disabled>
              Choose…
            </option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="leadOrganizationId" label="Lead organization" error={state.fields?.leadOrganizationId}>
        {(p) => (
          <select {...p} name="leadOrganizationId" defaultValue={v.leadOrganizationId ?? defaultLead ?? ""} className={inputClass} required>
            <option value="" disabled>
              Choose…
            </option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.shortName}: {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Creating…" : "Create draft"}
      </button>
    </form>
  );
}
