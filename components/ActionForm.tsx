"use client";
import type { ReactNode } from "react";
import { FormMessage } from "@/components/ui/form";
import { useServerForm } from "./useServerForm";

interface State {
  ok: boolean;
  message?: string;
  fields?: Record<string, string>;
}

/** The field a server refuses with when it wants the person to confirm an unusual value first. */
export const CONFIRMATION_FIELD = "confirmed";

/**
 * A form around a server action, for forms whose fields are plain inputs: it shows the server's
 * answer and each field's message under the form (named by its label). What was typed stays when
 * the server refuses it (React would otherwise reset the form after every action); a form that
 * succeeded is cleared for the next entry. When the server asks for confirmation (a message on the
 * "confirmed" field: a figure far above the target), the form shows the question with a checkbox
 * above its button, and sends "confirmed=yes" once it is ticked.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  labels = {},
  className = "",
  tone = "brand",
  clearOnSuccess = true,
}: {
  action: (state: State, formData: FormData) => Promise<State>;
  children: ReactNode;
  submitLabel: string;
  labels?: Record<string, string>;
  className?: string;
  tone?: "brand" | "danger" | "quiet";
  /** False for forms that show saved settings: after saving they keep what was chosen. */
  clearOnSuccess?: boolean;
}) {
  const [{ state, onSubmit, pending }, form] = useServerForm(action, clearOnSuccess);
  const buttonTone = {
    brand: "bg-brand-700 text-white hover:bg-brand-800",
    danger: "bg-rose-700 text-white hover:bg-rose-800",
    quiet: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  }[tone];
  const question = !state.ok ? state.fields?.[CONFIRMATION_FIELD] : undefined;
  const fieldMessages = Object.entries(state.fields ?? {}).filter(([field]) => field !== CONFIRMATION_FIELD);
  return (
    <form ref={form} onSubmit={onSubmit} className={className}>
      {children}
      {question ? (
        <div role="alert" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p>{question}</p>
          <label className="mt-1 flex items-start gap-2 font-medium">
            <input type="checkbox" name={CONFIRMATION_FIELD} value="yes" className="mt-1" />
            Yes, it is right: record it as it is.
          </label>
        </div>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className={`rounded-md px-3 py-1.5 text-sm font-semibold disabled:opacity-60 ${buttonTone}`}
        >
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
      {state.message && !(question && fieldMessages.length === 0) ? (
        <div className="mt-2">
          <FormMessage ok={state.ok} message={state.message} />
        </div>
      ) : null}
      {!state.ok && fieldMessages.length > 0 ? (
        <ul className="mt-1 text-sm text-rose-700">
          {fieldMessages.map(([field, message]) => (
            <li key={field}>
              {labels[field] ?? field}: {message}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
