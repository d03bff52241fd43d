"use client";
// One feasibility site's form: to add a site for the representative's own organization, or to edit
// one of its sites. What was typed stays when the server refuses it, each message on its field.
import type { ReactNode } from "react";
import { FormMessage, inputClass } from "@/components/ui/form";
import { LimitedTextarea } from "@/components/ui/TextLimit";
import { useServerForm, type ServerFormState } from "@/components/useServerForm";
import { CAPABILITY_LABEL, SITE_CAPABILITIES, SITE_TEXT_MAX, type SiteCapability } from "@/lib/feasibility/schema";

export interface SiteValues {
  name: string;
  city: string | null;
  country: string | null;
  patientsSeenPerYear: number;
  eligibleShare: number;
  consentShare: number;
  competingTrials: number;
  monthsToActivation: number;
  capabilities: SiteCapability[];
  note: string;
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

const NUMBERS: { name: keyof SiteValues; label: string; hint: string }[] = [
  { name: "patientsSeenPerYear", label: "Patients seen a year", hint: "With this cancer, last 12 months" },
  { name: "eligibleShare", label: "Share eligible (%)", hint: "0 to 100" },
  { name: "consentShare", label: "Share consenting (%)", hint: "Of those eligible, 0 to 100" },
  { name: "competingTrials", label: "Competing trials", hint: "Open to the same patients" },
  { name: "monthsToActivation", label: "Months to activation", hint: "From approval until it recruits" },
];

export function FeasibilityForm({
  action,
  idPrefix,
  site,
  version,
  submitLabel,
}: {
  action: (state: ServerFormState, formData: FormData) => Promise<ServerFormState>;
  /** Unique on the page: several forms (one per site) share the field names. */
  idPrefix: string;
  site?: SiteValues;
  version?: number;
  submitLabel: string;
}) {
  const [{ onSubmit, pending, fields, values, message, state }, form] = useServerForm(action, !site);
  const id = (name: string) => `${idPrefix}-${name}`;
  const invalid = (name: string) =>
    fields[name] ? { "aria-invalid": true as const, "aria-describedby": `${id(name)}-error` } : { "aria-describedby": `${id(name)}-hint` };
  const value = (name: keyof SiteValues) => values[name] ?? (site ? String(site[name] ?? "") : "");
  const ticked = values.capabilities !== undefined ? values.capabilities.split(",") : (site?.capabilities ?? []);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3" noValidate>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Labelled id={id("name")} label="Site" error={fields.name}>
          <input
            id={id("name")}
            name="name"
            required
            maxLength={SITE_TEXT_MAX.name}
            defaultValue={value("name")}
            className={inputClass}
            {...(fields.name ? { "aria-invalid": true, "aria-describedby": `${id("name")}-error` } : {})}
          />
        </Labelled>
        <Labelled id={id("city")} label="City (optional)" error={fields.city}>
          <input id={id("city")} name="city" maxLength={SITE_TEXT_MAX.city} defaultValue={value("city")} className={inputClass} />
        </Labelled>
        <Labelled id={id("country")} label="Country (optional)" error={fields.country}>
          <input
            id={id("country")}
            name="country"
            maxLength={SITE_TEXT_MAX.country}
            defaultValue={value("country")}
            className={inputClass}
          />
        </Labelled>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {NUMBERS.map((n) => (
          <Labelled key={n.name} id={id(n.name)} label={n.label} hint={n.hint} error={fields[n.name]}>
            <input
              id={id(n.name)}
              name={n.name}
              inputMode="numeric"
              required
              defaultValue={value(n.name)}
              className={inputClass}
              {...invalid(n.name)}
            />
          </Labelled>
        ))}
      </div>
      <fieldset aria-describedby={fields.capabilities ? `${id("capabilities")}-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800">Capabilities</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {SITE_CAPABILITIES.map((c) => (
            <label key={c} className="flex items-center gap-1.5">
              <input type="checkbox" name="capabilities" value={c} defaultChecked={ticked.includes(c)} />
              {CAPABILITY_LABEL[c]}
            </label>
          ))}
        </div>
        {fields.capabilities ? (
          <p id={`${id("capabilities")}-error`} className="mt-1 text-sm text-rose-700">
            {fields.capabilities}
          </p>
        ) : null}
      </fieldset>
      <Labelled id={id("note")} label="Remarks (optional)" error={fields.note}>
        <LimitedTextarea
          id={id("note")}
          name="note"
          rows={2}
          limit={SITE_TEXT_MAX.note}
          defaultValue={value("note")}
          className={inputClass}
          {...(fields.note ? { "aria-invalid": true, "aria-describedby": `${id("note")}-error` } : {})}
        />
      </Labelled>
      <FormMessage ok={state.ok} message={message ?? (fields.form ? fields.form : undefined)} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
