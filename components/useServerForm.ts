"use client";
// The state of a form around a server action, as every form here keeps it: what was typed stays
// when the server refuses it (React would reset the form after every action), a form that succeeded
// is cleared for the next entry unless it shows saved settings, and each field's message is at hand.
import { useActionState, useEffect, useRef } from "react";
import { submitWithoutReset } from "./submitWithoutReset";

export interface ServerFormState {
  ok: boolean;
  message?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
}

export function useServerForm(action: (state: ServerFormState, formData: FormData) => Promise<ServerFormState>, clearOnSuccess = true) {
  const [state, submit, pending] = useActionState<ServerFormState, FormData>(action, { ok: true });
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (clearOnSuccess && state.ok && state.message) form.current?.reset();
  }, [state, clearOnSuccess]);
  const fields = state.ok ? {} : (state.fields ?? {});
  const values = state.ok ? {} : (state.values ?? {});
  // The general message only when no field says what is wrong.
  const message = !state.ok && Object.keys(fields).length > 0 ? undefined : state.message;
  return [{ state, onSubmit: submitWithoutReset(submit), pending, fields, values, message }, form] as const;
}
