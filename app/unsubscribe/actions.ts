"use server";
import { formAction, type FormState } from "@/lib/form-state";
import { unsubscribe } from "@/lib/mail/settings";

/** No sign-in: the signed token in the link says whose email, and which. */
export async function unsubscribeAction(token: string, everything: boolean, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const done = await unsubscribe(token, everything);
    return done.changed
      ? `Done: we stopped sending ${done.description} to ${done.email}.`
      : `Nothing to change: ${done.email} was not getting ${done.description}.`;
  });
}
