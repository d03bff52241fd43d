"use client";
import { useEffect, useRef } from "react";
import { buttonClass, secondaryButtonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { useServerForm } from "@/components/useServerForm";
import { SSO_TEXT_MAX } from "@/lib/auth/sso/limits";
import { removeIdentityProviderAction, saveIdentityProviderAction } from "./actions";

export interface StoredSettings {
  issuer: string;
  clientId: string;
  emailDomains: string[];
  enabled: boolean;
  secretReadable: boolean;
}

/** The secretariat connects an organization's identity provider. The secret is write-only. */
export function IdentityProviderForm({ slug, shortName, stored }: { slug: string; shortName: string; stored: StoredSettings | null }) {
  // Not cleared on success: the form shows the saved settings (only the secret is blanked, below).
  const [{ state, onSubmit, pending, fields: e, values: v }] = useServerForm(saveIdentityProviderAction.bind(null, slug), false);
  // Once saved, the secret leaves the page too: the field is blank again ("leave empty to keep it").
  const secret = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.ok && state.message && secret.current) secret.current.value = "";
  }, [state]);
  const secretHint = !stored
    ? "Given by the organization's IT department. Stored encrypted and never shown again."
    : stored.secretReadable
      ? "A secret is stored (never shown). Leave empty to keep it, or enter a new one to replace it."
      : "The stored secret can no longer be read (the portal's secret changed): enter it again.";
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={`${shortName}'s sign-in service`}>
      <FormMessage ok={state.ok} message={state.message} />
      <Field name="issuer" label="Issuer" error={e.issuer} hint="As the provider states it, e.g. https://login.example.org/realms/staff">
        {(p) => (
          <input
            {...p}
            name="issuer"
            type="url"
            defaultValue={v.issuer ?? stored?.issuer}
            className={inputClass}
            required
            maxLength={SSO_TEXT_MAX.issuer}
            autoComplete="off"
          />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="clientId" label="Client id" error={e.clientId}>
          {(p) => (
            <input
              {...p}
              name="clientId"
              defaultValue={v.clientId ?? stored?.clientId}
              className={inputClass}
              required
              maxLength={SSO_TEXT_MAX.clientId}
              autoComplete="off"
            />
          )}
        </Field>
        <Field name="clientSecret" label="Client secret" error={e.clientSecret} hint={secretHint}>
          {(p) => (
            <input
              {...p}
              ref={secret}
              name="clientSecret"
              type="password"
              className={inputClass}
              required={!stored || !stored.secretReadable}
              maxLength={SSO_TEXT_MAX.clientSecret}
              autoComplete="new-password"
            />
          )}
        </Field>
      </div>
      <Field
        name="emailDomains"
        label="Email domains it vouches for"
        error={e.emailDomains}
        hint="Separated by commas or one per line, e.g. nih.gov, mail.nih.gov. It can sign in only addresses at these domains."
      >
        {(p) => (
          <textarea
            {...p}
            name="emailDomains"
            rows={2}
            defaultValue={v.emailDomains ?? stored?.emailDomains.join(", ")}
            className={inputClass}
            required
            maxLength={SSO_TEXT_MAX.emailDomains}
          />
        )}
      </Field>
      <div className="flex items-center gap-2">
        <input
          id="field-enabled"
          name="enabled"
          type="checkbox"
          defaultChecked={v.enabled !== undefined ? v.enabled === "on" : (stored?.enabled ?? true)}
          className="h-4 w-4"
        />
        <label htmlFor="field-enabled" className="text-sm text-slate-800">
          Offer &ldquo;Sign in with {shortName}&rdquo; on the sign-in page
        </label>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : stored ? "Save changes" : "Connect"}
      </button>
    </form>
  );
}

export function RemoveIdentityProviderForm({ slug, shortName }: { slug: string; shortName: string }) {
  const [{ state, onSubmit, pending }] = useServerForm(removeIdentityProviderAction.bind(null, slug), false);
  return (
    <form
      onSubmit={(event) => {
        if (!window.confirm(`Remove ${shortName}'s sign-on? Its people will sign in with email links.`)) event.preventDefault();
        else onSubmit(event);
      }}
      className="space-y-3"
      aria-label={`Remove ${shortName}'s sign-on`}
    >
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {pending ? "Removing…" : `Remove ${shortName}'s sign-on`}
      </button>
    </form>
  );
}
