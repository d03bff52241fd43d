"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form";
import type { FormState } from "@/lib/form-state";
import { signOutEverywhereElseAction, signOutSessionAction } from "./actions";

const quiet =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60";
const danger = "rounded-md bg-rose-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60";

/** Ends one other session; the button names the browser it ends, for a screen reader's list of buttons. */
export function SignOutSession({ sessionId, browser }: { sessionId: string; browser: string }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(signOutSessionAction.bind(null, sessionId), { ok: true });
  return (
    <form action={submit} className="shrink-0">
      <button type="submit" disabled={pending} className={quiet}>
        {pending ? "Signing out…" : "Sign out"}
        <span className="sr-only"> of {browser}</span>
      </button>
      {state.ok ? null : <FormMessage ok={false} message={state.message} />}
    </form>
  );
}

/**
 * Ends every other session. It stays on the page once the others have gone, so that its answer
 * is still there to read; only its button goes, with nothing left to end.
 */
export function SignOutEverywhereElse({ others }: { others: number }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(signOutEverywhereElseAction, { ok: true });
  return (
    <form action={submit}>
      <p className="text-sm text-slate-700">
        {others > 0
          ? `Lost a device, or signed in on a shared computer? This ends ${others === 1 ? "the other session" : `all ${others} other sessions`}: whoever uses ${others === 1 ? "it" : "them"} must sign in again. This browser stays signed in.`
          : "You are signed in on this browser only."}
      </p>
      {others > 0 ? (
        <button type="submit" disabled={pending} className={`${danger} mt-2`}>
          {pending ? "Signing out…" : "Sign out everywhere else"}
        </button>
      ) : null}
      {state.message ? (
        <div className="mt-2">
          <FormMessage ok={state.ok} message={state.message} />
        </div>
      ) : null}
    </form>
  );
}
