"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui";
import { requestSignInLinkAction } from "./actions";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SignInForm({ callbackUrl, initialEmail = "" }: { callbackUrl: string; initialEmail?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    if (!EMAIL.test(address)) {
      setError("Enter an email address such as name@organization.org.");
      return;
    }
    setError(null);
    setPending(true);
    const answer = await requestSignInLinkAction(address, callbackUrl).catch(() => null);
    setPending(false);
    if (!answer) {
      setError("The portal could not take your request just now. Please try again in a minute.");
      return;
    }
    if (!answer.ok) {
      setError(answer.message);
      return;
    }
    router.push(`/signin/check-email?email=${encodeURIComponent(address)}`);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          Work email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "email-error" : "email-hint"}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 shadow-sm focus:border-brand-600"
        />
        {error ? (
          <p id="email-error" role="alert" className="mt-1 text-sm text-rose-700">
            {error}
          </p>
        ) : (
          <p id="email-hint" className="mt-1 text-sm text-slate-600">
            We email you a link that signs you in. No password needed.
          </p>
        )}
      </div>
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? "Sending link…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
