"use client";
// One start-up step's form: its state, dates, owner, and while blocked since when and why. What was typed
// stays when the server refuses it, each message on its field.
import type { ReactNode } from "react";
import { FormMessage, inputClass } from "@/components/ui/form";
import { LimitedTextarea } from "@/components/ui/TextLimit";
import { useServerForm, type ServerFormState } from "@/components/useServerForm";
import { BLOCKED_REASON_MAX } from "@/lib/startup/schema";
import { STARTUP_STATES, STATE_LABEL } from "@/lib/startup/steps";

export interface StepValues {
  state: string;
  plannedDate: string;
  actualDate: string;
  blockedSince: string;
  blockedReason: string;
  ownerOrganizationId: string;
}

function Labelled({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function StartupStepForm({
  action,
  step,
  version,
  organizations,
  canChooseOwner,
  ownerName,
  actualHint,
}: {
  action: (state: ServerFormState, formData: FormData) => Promise<ServerFormState>;
  step: StepValues;
  version: number;
  organizations: { id: string; shortName: string }[];
  /** The trial's keepers hand a step to an organization; its owner updates it as it is. */
  canChooseOwner: boolean;
  ownerName: string;
  /** Said under the actual date when the record knows only its year or month. */
  actualHint?: string;
}) {
  const [{ onSubmit, pending, fields, values, message, state }, form] = useServerForm(action, false);
  const value = (name: keyof StepValues) => values[name] ?? step[name];
  const described = (name: string, hint?: boolean) =>
    fields[name]
      ? { "aria-invalid": true as const, "aria-describedby": `step-${name}-error` }
      : hint
        ? { "aria-describedby": `step-${name}-hint` }
        : {};
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Labelled id="step-state" label="State" error={fields.state}>
          <select id="step-state" name="state" defaultValue={value("state")} className={inputClass} {...described("state")}>
            {STARTUP_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="step-ownerOrganizationId" label="Owner organization" error={fields.ownerOrganizationId}>
          {canChooseOwner ? (
            <select
              id="step-ownerOrganizationId"
              name="ownerOrganizationId"
              defaultValue={value("ownerOrganizationId")}
              className={inputClass}
              {...described("ownerOrganizationId")}
            >
              <option value="">No organization</option>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.shortName}
                </option>
              ))}
            </select>
          ) : (
            <input id="step-ownerOrganizationId" value={ownerName} readOnly className={`${inputClass} bg-slate-50`} />
          )}
        </Labelled>
        <Labelled id="step-plannedDate" label="Planned date" hint="yyyy-MM-dd" error={fields.plannedDate}>
          <input
            id="step-plannedDate"
            name="plannedDate"
            type="date"
            defaultValue={value("plannedDate")}
            className={inputClass}
            {...described("plannedDate", true)}
          />
        </Labelled>
        <Labelled
          id="step-actualDate"
          label="Actual date (done)"
          hint={actualHint ?? "The day it was done: only for a step that is done."}
          error={fields.actualDate}
        >
          <input
            id="step-actualDate"
            name="actualDate"
            type="date"
            defaultValue={value("actualDate")}
            className={inputClass}
            {...described("actualDate", true)}
          />
        </Labelled>
      </div>
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">While blocked</legend>
        <Labelled id="step-blockedSince" label="Blocked since" hint="The day it stopped moving." error={fields.blockedSince}>
          <input
            id="step-blockedSince"
            name="blockedSince"
            type="date"
            defaultValue={value("blockedSince")}
            className={`${inputClass} sm:max-w-xs`}
            {...described("blockedSince", true)}
          />
        </Labelled>
        <Labelled
          id="step-blockedReason"
          label="What blocks it"
          hint="Such as: insurance certificate for Japan. Shown on the trial page."
          error={fields.blockedReason}
        >
          <LimitedTextarea
            id="step-blockedReason"
            name="blockedReason"
            rows={2}
            limit={BLOCKED_REASON_MAX}
            defaultValue={value("blockedReason")}
            className={inputClass}
            {...described("blockedReason", true)}
          />
        </Labelled>
      </fieldset>
      <FormMessage ok={state.ok} message={message} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save step"}
      </button>
    </form>
  );
}
