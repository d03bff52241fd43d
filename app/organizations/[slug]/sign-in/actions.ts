"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { checkIssuer, removeIdentityProvider, saveIdentityProvider } from "@/lib/auth/sso/mutations";

/** A refused form is answered with what was typed, except the secret: it never travels back to a page. */
function withoutSecret(state: FormState): FormState {
  if (!state.values) return state;
  const values = { ...state.values };
  delete values.clientSecret;
  return { ...state, values };
}

export async function saveIdentityProviderAction(slug: unknown, _state: FormState, formData: FormData): Promise<FormState> {
  return withoutSecret(
    await formAction(formData, async () => {
      const saved = await saveIdentityProvider(await currentActor(), slug, {
        issuer: formString(formData, "issuer"),
        clientId: formString(formData, "clientId"),
        clientSecret: formString(formData, "clientSecret"),
        emailDomains: formString(formData, "emailDomains"),
        enabled: formData.get("enabled") === "on",
      });
      revalidatePath(`/organizations/${String(slug)}/sign-in`);
      const check = await checkIssuer(formString(formData, "issuer").trim().replace(/\/+$/, ""));
      const unlinked =
        saved.unlinked > 0 ? ` ${saved.unlinked} people linked to the previous provider will link again at their next sign-in.` : "";
      return check.ok
        ? `Saved. ${saved.organization}'s sign-in service answered: its people can sign in with it now.${unlinked}`
        : `Saved, but ${saved.organization}'s sign-in service could not be checked: ${check.problem}. People see a plain message until it answers.${unlinked}`;
    }),
  );
}

export async function removeIdentityProviderAction(slug: unknown, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const removed = await removeIdentityProvider(await currentActor(), slug);
    revalidatePath(`/organizations/${String(slug)}/sign-in`);
    return `${removed.organization}'s sign-on is removed: its people sign in with email links.`;
  });
}
