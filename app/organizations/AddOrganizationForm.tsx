"use client";
import { useActionState, useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { submitWithoutReset } from "@/components/submitWithoutReset";
import type { FormState } from "@/lib/form-state";
import { ORGANIZATION_TEXT_MAX } from "@/lib/organizations/limits";
import { addOrganizationAction } from "./actions";

/** ISO weekdays, Monday first, as the boxes show them. */
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].map((name, i) => [i + 1, name] as const);

/** The secretariat admits a member organization. What was typed stays when the server refuses it. */
export function AddOrganizationForm({ countries, timeZones }: { countries: { code: string; name: string }[]; timeZones: string[] }) {
  const [state, save, pending] = useActionState<FormState, FormData>(addOrganizationAction, { ok: true });
  const form = useRef<HTMLFormElement>(null);
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.ok ? {} : (state.fields ?? {});
  // Blank again once admitted, ready for the next one; a refusal keeps everything typed.
  useEffect(() => {
    if (state.ok && state.message) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} onSubmit={submitWithoutReset(save)} className="space-y-4" aria-label="Add a member organization">
      <FormMessage ok={state.ok} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field name="name" label="Name" error={e.name} hint="e.g. Canadian Cancer Trials Group">
          {(p) => <input {...p} name="name" defaultValue={v.name} className={inputClass} required maxLength={ORGANIZATION_TEXT_MAX.name} />}
        </Field>
        <Field name="shortName" label="Short name" error={e.shortName} hint="Unique, e.g. CCTG">
          {(p) => (
            <input
              {...p}
              name="shortName"
              defaultValue={v.shortName}
              className={inputClass}
              required
              maxLength={ORGANIZATION_TEXT_MAX.shortName}
            />
          )}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="country" label="Country of its office" error={e.country}>
          {(p) => (
            <select {...p} name="country" defaultValue={v.country ?? ""} className={inputClass} required>
              <option value="">Choose a country…</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="timeZone" label="Time zone of its office" error={e.timeZone} hint="An IANA zone, e.g. America/Toronto">
          {(p) => (
            <>
              <input
                {...p}
                name="timeZone"
                list="time-zones"
                defaultValue={v.timeZone}
                className={inputClass}
                required
                maxLength={ORGANIZATION_TEXT_MAX.timeZone}
                autoComplete="off"
              />
              <datalist id="time-zones">
                {timeZones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <fieldset aria-describedby={e.workingDays ? "field-workingDays-error" : "field-workingDays-hint"}>
        <legend className="block text-sm font-medium text-slate-800">Days its office works</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
          {DAYS.map(([day, name]) => (
            <label key={day} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="workingDays" value={day} defaultChecked={day <= 5} className="h-4 w-4" />
              {name}
            </label>
          ))}
        </div>
        {e.workingDays ? (
          <p id="field-workingDays-error" className="mt-1 text-sm text-rose-700">
            {e.workingDays}
          </p>
        ) : (
          <p id="field-workingDays-hint" className="mt-1 text-sm text-slate-600">
            The meeting planner counts other days as its weekend.
          </p>
        )}
      </fieldset>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Adding…" : "Add the organization"}
      </button>
    </form>
  );
}
