"use server";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { acceptInvitation } from "@/lib/people/invitations";

/** Public: whoever holds the link may accept it (the token is the credential, bound to the form). */
export async function acceptInvitationAction(token: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const user = await acceptInvitation(token, { name: formString(formData, "name") });
    return `Welcome, ${user.name}: your account is ready. You can sign in now.`;
  });
}
