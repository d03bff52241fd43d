import Link from "next/link";
import { Card } from "@/components/ui";
import { organizationNames } from "@/lib/auth/sso/queries";
import { REFUSAL_MESSAGE, type Refusal } from "@/lib/auth/sso/schema";

export const metadata = { title: "Sign-in problem" };

const MESSAGES: Record<string, string> = {
  Verification: "This sign-in link has expired or has already been used. Links work once, for 24 hours.",
  AccessDenied: "This address cannot sign in to the portal. Ask the IRCI secretariat if you think it should.",
};

/** next-auth's codes for an organization's service failing: unreachable, or an answer it could not use. */
const SERVICE_FAILED = new Set(["OAuthSignin", "OAuthCallback", "Callback", "OAuthAccountNotLinked", "Configuration"]);

async function organizationName(slug: string | undefined): Promise<string> {
  return (await organizationNames(slug))?.shortName ?? "Your organization";
}

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; why?: string; organization?: string }>;
}) {
  const { error, why, organization } = await searchParams;
  const sso = error === "Refused" || (error !== undefined && SERVICE_FAILED.has(error));
  const org = sso ? await organizationName(organization) : "";
  let message = (error && MESSAGES[error]) ?? "Something went wrong while signing you in. Please try again.";
  if (error === "Refused" && why && why in REFUSAL_MESSAGE) message = REFUSAL_MESSAGE[why as Refusal](org);
  else if (sso) {
    message = `${org}'s sign-in service did not answer, or answered in a way the portal could not use. Try again in a few minutes, or sign in with an email link instead.`;
  }
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-semibold">We could not sign you in</h1>
        <p className="mt-3 text-slate-700" role="alert">
          {message}
        </p>
        <p className="mt-6">
          <Link href="/signin">{sso ? "Back to sign-in" : "Ask for a new link"}</Link>
        </p>
      </Card>
    </div>
  );
}
