import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui";
import { config } from "@/lib/config";
import { currentSession } from "@/lib/authz/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { ssoChoices } from "@/lib/auth/sso/config";
import { SignInForm } from "./SignInForm";
import { SsoButtons } from "./SsoButtons";

export const metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; email?: string; welcome?: string; error?: string }>;
}) {
  const query = await searchParams;
  // next-auth sends a failed sign-in here with its code: the error page says what it means.
  if (typeof query.error === "string" && query.error.length <= 100)
    redirect(`/signin/error?${new URLSearchParams({ error: query.error })}`);
  const callbackUrl = safeCallbackUrl(query.callbackUrl);
  if (await currentSession()) redirect(callbackUrl);
  const { demo, captureMail } = config();
  const choices = await ssoChoices();
  const email = typeof query.email === "string" && query.email.length <= 320 ? query.email.trim().toLowerCase() : "";
  const domain = email.slice(email.lastIndexOf("@") + 1);
  // Suggested only when one organization speaks for the domain: with two, the page cannot tell whose.
  const vouching = email.includes("@") ? choices.filter((c) => c.emailDomains.includes(domain)) : [];
  const suggested = vouching.length === 1 ? vouching[0] : undefined;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <Card>
        <h1 className="text-2xl font-semibold">Sign in to the IRCI portal</h1>
        <p className="mt-1 mb-6 text-slate-600">For members of IRCI&apos;s organizations and the secretariat.</p>
        {query.welcome ? (
          <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
            Your account is ready. Sign in to start.
          </p>
        ) : null}
        {choices.length > 0 ? (
          <section aria-labelledby="sso-heading" className="mb-6">
            <h2 id="sso-heading" className="mb-2 text-sm font-medium text-slate-800">
              With your organization&apos;s account
            </h2>
            {suggested ? (
              <p id="sso-suggested" className="mb-2 text-sm text-slate-700">
                {suggested.shortName} signs in addresses at {domain}.
              </p>
            ) : null}
            <SsoButtons
              choices={choices.map(({ providerId, shortName, name }) => ({ providerId, shortName, name }))}
              callbackUrl={callbackUrl}
              suggested={suggested?.providerId}
            />
            <p className="mt-4 flex items-center gap-3 text-sm text-slate-600" aria-hidden="true">
              <span className="h-px flex-1 bg-slate-200" /> or with an email link <span className="h-px flex-1 bg-slate-200" />
            </p>
          </section>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} initialEmail={email} />
      </Card>
      {demo ? (
        <Card className="border-amber-300 bg-amber-50">
          <h2 className="font-semibold text-amber-950">This is a demo</h2>
          <p className="mt-1 text-sm text-amber-950">
            Explore as any of the fictional demo people with one click:{" "}
            <Link href={`/demo?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-amber-950 underline">
              choose a demo person
            </Link>
            .
            {captureMail ? (
              <>
                {" "}
                Sign-in links are not mailed here: they appear in the{" "}
                <Link href="/dev/mailbox" className="font-semibold text-amber-950 underline">
                  development mailbox
                </Link>{" "}
                and the server log.
              </>
            ) : null}
          </p>
        </Card>
      ) : null}
    </div>
  );
}
