"use server";
import { headers } from "next/headers";
import { clientAddressOf, requestSignInLink, type SignInAnswer } from "@/lib/auth/sign-in-requests";

/** The sign-in form: records the request (within its limits); the link is mailed within seconds. */
export async function requestSignInLinkAction(email: string, callbackUrl: string): Promise<SignInAnswer> {
  return requestSignInLink({ email, callbackUrl }, clientAddressOf(await headers()));
}
