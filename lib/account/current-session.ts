import "server-only";
import { cookies } from "next/headers";

/** next-auth's session cookie: the __Secure- name on HTTPS, the plain one otherwise. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/**
 * The token of the session this request came with, so that My account can mark it and "sign out
 * everywhere else" can keep it. Only a marker: who the person is comes from the session itself,
 * and the data functions check that the token is one of that person's sessions.
 */
export async function currentSessionToken(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return value;
  }
  return null;
}
