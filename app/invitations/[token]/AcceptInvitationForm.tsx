"use client";
import Link from "next/link";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui";
import { Field, FormMessage, inputClass } from "@/components/ui/form";
import { LimitedInput } from "@/components/ui/TextLimit";
import { submitWithoutReset } from "@/components/submitWithoutReset";
import type { FormState } from "@/lib/form-state";
import { PERSON_TEXT_MAX } from "@/lib/people/limits";
import { acceptInvitationAction } from "./actions";

/** Accepting asks only a name; once accepted, the next step is signing in with the invited address. */
export function AcceptInvitationForm({ token, signInHref }: { token: string; signInHref: string }) {
  const [state, accept, pending] = useActionState<FormState, FormData>(acceptInvitationAction.bind(null, token), { ok: true });
  if (state.ok && state.message) {
    return (
      <div className="space-y-4">
        <FormMessage ok message={state.message} />
        <Link href={signInHref} className={buttonClass}>
          Sign in now
        </Link>
      </div>
    );
  }
  const e = state.ok ? {} : (state.fields ?? {});
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form onSubmit={submitWithoutReset(accept)} className="max-w-md space-y-4" aria-label="Accept the invitation">
      <FormMessage ok={state.ok} message={Object.keys(e).length ? undefined : state.message} />
      <Field name="name" label="Your name" error={e.name} hint="As colleagues know it, e.g. Dr Ana Pereira.">
        {(p) => (
          <LimitedInput
            {...p}
            name="name"
            required
            autoComplete="name"
            defaultValue={v.name}
            className={inputClass}
            limit={PERSON_TEXT_MAX.name}
          />
        )}
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Accepting…" : "Accept the invitation"}
      </button>
    </form>
  );
}
