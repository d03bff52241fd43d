"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { secondaryButtonClass } from "@/components/ui";

export interface SsoChoice {
  providerId: string;
  shortName: string;
  name: string;
}

/** "Sign in with <organization>": next-auth starts the organization's OpenID Connect sign-in. */
export function SsoButtons({ choices, callbackUrl, suggested }: { choices: SsoChoice[]; callbackUrl: string; suggested?: string }) {
  const [pending, setPending] = useState<string | null>(null);
  const ordered = [...choices].sort((a, b) => Number(b.providerId === suggested) - Number(a.providerId === suggested));
  return (
    <ul className="space-y-2" aria-label="Sign in with your organization">
      {ordered.map((c) => (
        <li key={c.providerId}>
          <button
            type="button"
            className={`${secondaryButtonClass} w-full justify-center`}
            disabled={pending !== null}
            aria-describedby={c.providerId === suggested ? "sso-suggested" : undefined}
            onClick={() => {
              setPending(c.providerId);
              void signIn(c.providerId, { callbackUrl }).catch(() => setPending(null));
            }}
          >
            {pending === c.providerId ? `Opening ${c.shortName}'s sign-in…` : `Sign in with ${c.shortName}`}
            <span className="sr-only"> ({c.name})</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
