import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui";
import { config } from "@/lib/config";
import { currentSession } from "@/lib/authz/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SignInForm } from "./SignInForm";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await currentSession()) redirect(callbackUrl);
  const { demo, captureMail } = config();
  return (
    <div className="mx-auto max-w-md space-y-6">
      <Card>
        <h1 className="text-2xl font-semibold">Sign in to the IRCI portal</h1>
        <p className="mt-1 mb-6 text-slate-600">For members of IRCI&apos;s organizations and the secretariat.</p>
        <SignInForm callbackUrl={callbackUrl} />
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
